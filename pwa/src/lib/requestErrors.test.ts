import { describe, expect, it } from 'vitest';
import { isOffline, isUserError, screenMessage } from './requestErrors';

/** What client.ts throws, without the network: kind, code and message. */
function failed(kind: 'network' | 'unauthenticated' | 'server', message: string, code: string | null = null): Error {
  return Object.assign(new Error(message), { kind, code });
}

describe('result unions', () => {
  it('tell a refusal (a UserError member) from a success by its fields', () => {
    const results = [
      { __typename: 'ChallengeSuccess' as const, challenge: { id: '1' } },
      { __typename: 'ValidationError' as const, code: 'ends_before_start', message: 'La fin précède le début.', field: 'endsAt' },
    ];
    expect(results.map((result) => isUserError(result))).toEqual([false, true]);
  });
});

describe('a failed request on a screen', () => {
  it('says the server cannot be reached when there is no network', () => {
    expect(screenMessage(failed('network', 'TypeError: Failed to fetch'))).toEqual({ key: 'errors.network' });
    expect(isOffline(failed('network', 'x'))).toBe(true);
    expect(isOffline(failed('server', 'x', 'FORBIDDEN'))).toBe(false);
  });

  it('shows the server’s words for a coded error, already in the reader’s language', () => {
    expect(screenMessage(failed('server', 'Ce challenge n’existe pas.', 'NOT_FOUND'))).toEqual({ text: 'Ce challenge n’existe pas.' });
    expect(screenMessage(failed('server', 'You may not see this unit.', 'FORBIDDEN'))).toEqual({ text: 'You may not see this unit.' });
  });

  it('says the session expired, and something unexpected for anything else', () => {
    expect(screenMessage(failed('unauthenticated', 'UNAUTHENTICATED', 'UNAUTHENTICATED'))).toEqual({ key: 'errors.sessionExpired' });
    expect(screenMessage(failed('server', 'Traceback…', 'INTERNAL_SERVER_ERROR'))).toEqual({ key: 'errors.unexpected' });
    expect(screenMessage(failed('server', 'HTTP 502'))).toEqual({ key: 'errors.unexpected' });
    expect(screenMessage(new TypeError('x is undefined'))).toEqual({ key: 'errors.unexpected' });
  });
});
