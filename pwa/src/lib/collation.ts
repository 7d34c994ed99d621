/**
 * People in the order a reader expects: « Élodie » and « Émilie » between « Diane » and
 * « Fabien », not after « Yanis » (the server's byte order). One collator per locale.
 */
const collators = new Map<string, Intl.Collator>();

export function collator(locale: string): Intl.Collator {
  let found = collators.get(locale);
  if (!found) {
    found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, found);
  }
  return found;
}

/** A sorted copy of `items` by the name `nameOf` gives, in `locale`'s order. */
export function byName<T>(items: readonly T[], nameOf: (item: T) => string, locale: string): T[] {
  const compare = collator(locale).compare;
  return [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
}
