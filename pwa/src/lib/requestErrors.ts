/**
 * The one error convention of the app, read from what a request gave:
 * - a typed refusal is a member of the result union that implements
 *   UserError (`code`, `message`, maybe `field`): the form shows it, under
 *   the field it names (see formErrors.ts);
 * - a GraphQL error with `extensions.code` (FORBIDDEN, NOT_FOUND,
 *   BAD_USER_INPUT…) is a screen-level message: the server's words, already
 *   in the reader's language;
 * - no network: the screen shows its last known data with its time, or says
 *   the server cannot be reached.
 */

export interface UserErrorMember {
  __typename: string;
  code: string;
  message: string;
  field?: string | null;
  retryAfterSeconds?: number;
}

/** Whether a result-union member is a refusal (implements UserError) rather than a success. */
export function isUserError<T extends { __typename?: string }>(
  result: T,
): result is T & Extract<T | UserErrorMember, { code: string; message: string }> {
  return typeof result === 'object' && result !== null && 'code' in result && 'message' in result && typeof result.message === 'string';
}

/** The parts of a failed request the screen reads (client.ts's RequestError has them). */
export interface FailedRequest {
  kind: 'network' | 'unauthenticated' | 'server';
  code: string | null;
  message: string;
}

export function isFailedRequest(error: unknown): error is FailedRequest {
  return error instanceof Error && 'kind' in error && 'code' in error;
}

export type ScreenMessage =
  | { key: 'errors.network' | 'errors.sessionExpired' | 'errors.unexpected' }
  | { text: string };

/** What a screen says when a request failed outright. */
export function screenMessage(error: unknown): ScreenMessage {
  if (!isFailedRequest(error)) return { key: 'errors.unexpected' };
  if (error.kind === 'network') return { key: 'errors.network' };
  if (error.kind === 'unauthenticated') return { key: 'errors.sessionExpired' };
  // a coded error carries a message meant for the reader; anything else is a fault of ours
  if (error.code && error.code !== 'INTERNAL_SERVER_ERROR' && error.message) return { text: error.message };
  return { key: 'errors.unexpected' };
}

export function isOffline(error: unknown): boolean {
  return isFailedRequest(error) && error.kind === 'network';
}
