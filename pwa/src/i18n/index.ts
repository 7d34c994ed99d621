/** The running app's language and translator, chosen once from the browser's preferences. */
import { chooseLanguage, createTranslator, type Language, type Translate } from '../lib/i18n';
import fr from './fr.json';

export type MessageKey = keyof typeof fr;

export const language: Language = chooseLanguage(
  typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language],
);

// French is the reference catalogue, in the first load; English is a chunk of its own, fetched
// (or read from the service worker's cache) before the first render, only by those who read it
let translate: Translate<MessageKey> = createTranslator<MessageKey>(language, fr, fr);

/** A key missing in English falls back to French. */
export const t: Translate<MessageKey> = (key, params) => translate(key, params);

/** Loads the reader's catalogue when it isn't French; call it once before the first render. */
export async function loadCatalogue(): Promise<void> {
  if (language === 'fr') return;
  const { default: en } = await import('./en.json');
  translate = createTranslator<MessageKey>(language, en, fr);
}
