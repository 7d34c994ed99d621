/** Rules of the post composer: length counted as the server counts it, kind templates. */

export const MAX_POST_LENGTH = 2000;

export type ComposerKind = 'WIN' | 'BEST_PRACTICE' | 'ANNOUNCEMENT';

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

/** The `@name` or `#tag` being typed at the end of the text, for suggestions. */
export function typedToken(body: string): { sign: '@' | '#'; text: string } | null {
  const match = /(?:^|\s)([@#])([\p{L}\p{N}_-]{1,40})$/u.exec(body);
  if (!match) return null;
  return { sign: match[1] as '@' | '#', text: match[2] ?? '' };
}

/** Replaces the token being typed with the chosen suggestion, followed by a space. */
export function completeToken(body: string, sign: '@' | '#', value: string): string {
  const token = typedToken(body);
  if (!token) return body;
  return `${body.slice(0, body.length - token.text.length - 1)}${sign}${value} `;
}

/** Why the composer will not publish yet, as a catalogue key (with the excess for a text too long). */
export type ComposerProblem =
  | { key: 'composer.tooLong'; count: number }
  | { key: 'composer.emptyBody' }
  | { key: 'composer.untouchedTemplate' };

export function composerProblem(check: ComposerCheck, body: string): ComposerProblem | null {
  if (check.canSubmit) return null;
  if (check.overLimit) return { key: 'composer.tooLong', count: -check.remaining };
  return body.trim() === '' ? { key: 'composer.emptyBody' } : { key: 'composer.untouchedTemplate' };
}

export interface ComposerDraft {
  kind: ComposerKind;
  body: string;
  audience: 'NETWORK' | 'REGION' | 'UNIT';
  figure: string;
  product: string;
  /** People picked from the suggestions; only those still named in the text are mentioned. */
  mentions: readonly { id: string; name: string }[];
}

/** The post to create from a draft (photos apart): a figure and a product only for a win. */
export function postInput(draft: ComposerDraft, idempotencyKey: string) {
  const win = draft.kind === 'WIN';
  return {
    kind: draft.kind,
    body: draft.body.trim(),
    idempotencyKey,
    audience: draft.audience,
    figure: win ? draft.figure.trim() || null : null,
    product: win ? draft.product.trim() || null : null,
    mentionIds: draft.mentions.filter((m) => draft.body.includes(`@${m.name}`)).map((m) => m.id),
  };
}
