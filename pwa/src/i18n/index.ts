/** The running app's language and translator, chosen once from the browser's preferences. */
import { chooseLanguage, createTranslator, type Language } from '../lib/i18n';
import fr from './fr.json';
import en from './en.json';

export type MessageKey = keyof typeof fr;

const catalogues = { fr, en } as const;

export const language: Language = chooseLanguage(
  typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language],
);

/** French is the reference catalogue: a key missing in English falls back to it. */
export const t = createTranslator<MessageKey>(language, catalogues[language], fr);
