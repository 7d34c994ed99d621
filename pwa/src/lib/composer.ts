/** Rules of the post composer: length counted as the server counts it, kind templates. */

export const MAX_POST_LENGTH = 2000;

export type ComposerKind = 'WIN' | 'BEST_PRACTICE';

/** Counts Unicode code points, not UTF-16 units, so "🎉" is one character as on the server. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export interface ComposerCheck {
  count: number;
  remaining: number;
  overLimit: boolean;
  canSubmit: boolean;
}

export function checkComposer(body: string, template: string): ComposerCheck {
  const count = countCharacters(body);
  const trimmed = body.trim();
  const overLimit = count > MAX_POST_LENGTH;
  const untouchedTemplate = template !== '' && trimmed === template.trim();
  return {
    count,
    remaining: MAX_POST_LENGTH - count,
    overLimit,
    canSubmit: trimmed.length > 0 && !overLimit && !untouchedTemplate,
  };
}

/**
 * What the text area holds after switching kind: a best practice starts from
 * its template, but only when that would not throw away what the seller typed.
 */
export function bodyForKind(body: string, nextKind: ComposerKind, bestPracticeTemplate: string): string {
  const isBlank = body.trim() === '';
  const isTemplate = body.trim() === bestPracticeTemplate.trim();
  if (nextKind === 'BEST_PRACTICE' && isBlank) return bestPracticeTemplate;
  if (nextKind === 'WIN' && isTemplate) return '';
  return body;
}
