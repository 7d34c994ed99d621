/**
 * People in alphabetical order as a French reader expects it: « Élodie » and « Émilie » next to
 * « Eddy », not after « Yanis » (the server's byte order); case and accents only break ties.
 */
const collators = new Map<string, Intl.Collator>();

export function byName<P extends { displayName: string }>(people: readonly P[], locale: string): P[] {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  const compare = collator.compare;
  return [...people].sort((a, b) => compare(a.displayName, b.displayName));
}
