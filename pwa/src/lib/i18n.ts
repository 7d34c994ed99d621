/**
 * Message catalogues: flat keys, `{name}` placeholders, and plural entries
 * keyed by CLDR category (`one`, `other`, …) chosen with `params.count`.
 */

export type Language = 'fr' | 'en';

export const SUPPORTED_LANGUAGES: readonly Language[] = ['fr', 'en'];
export const DEFAULT_LANGUAGE: Language = 'fr';

export type PluralEntry = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type CatalogueEntry = string | PluralEntry;
export type Catalogue = Readonly<Record<string, CatalogueEntry>>;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The first of the browser's preferred languages that we support wins, so
 * `['de-CH', 'en-GB', 'fr']` gives English; nothing supported gives French.
 */
export function chooseLanguage(preferred: readonly string[] | undefined): Language {
  for (const tag of preferred ?? []) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = SUPPORTED_LANGUAGES.find((language) => language === primary);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

export type Translate<K extends string = string> = (key: K, params?: MessageParams) => string;

export function createTranslator<K extends string>(
  language: Language,
  catalogue: Catalogue,
  fallback: Catalogue = {},
): Translate<K> {
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);

  return (key, params = {}) => {
    const entry = catalogue[key] ?? fallback[key];
    if (entry === undefined) return key;
    const template = typeof entry === 'string' ? entry : pickPluralForm(entry, plurals, params.count);
    return keepTogether(interpolate(template, params, numbers));
  };
}

/**
 * French quotes never part from what they quote, nor « ! », « ? », « : » from their word:
 * the space inside « … » and before high punctuation becomes a no-break space, so a line
 * never starts with « » » or « ! ».
 */
export function keepTogether(text: string): string {
  return text.replace(/« /g, '«\u00a0').replace(/ ([»!?:;])/g, '\u00a0$1');
}

function pickPluralForm(
  entry: PluralEntry,
  plurals: Intl.PluralRules,
  count: string | number | undefined,
): string {
  if (typeof count !== 'number') return entry.other;
  if (count === 0 && entry.zero !== undefined) return entry.zero;
  return entry[plurals.select(count)] ?? entry.other;
}

function interpolate(template: string, params: MessageParams, numbers: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
