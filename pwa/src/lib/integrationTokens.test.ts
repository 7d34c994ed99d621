import { describe, expect, it } from 'vitest';
import { checkTokenName, sortTokens, withToken } from './integrationTokens';

const token = (id: string, createdAt: string, revokedAt: string | null = null) => ({ id, createdAt, revokedAt });

describe('integration tokens', () => {
  it('need a name of 2 to 80 characters, spaces folded as the server does', () => {
    expect(checkTokenName('CRM concessions')).toBeNull();
    expect(checkTokenName('  ')).toBe('challenges.tokens.nameInvalid');
    expect(checkTokenName(' a  ')).toBe('challenges.tokens.nameInvalid');
    expect(checkTokenName('x'.repeat(81))).toBe('challenges.tokens.nameInvalid');
    expect(checkTokenName(`${'x'.repeat(40)}    ${'y'.repeat(39)}`)).toBeNull();
  });

  it('list active tokens first, newest first', () => {
    const old = token('1', '2026-01-01T00:00:00Z');
    const revoked = token('2', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z');
    const fresh = token('3', '2026-02-01T00:00:00Z');
    expect(sortTokens([old, revoked, fresh]).map((t) => t.id)).toEqual(['3', '1', '2']);
  });

  it('replace a revoked token in place and add a new one', () => {
    const list = [token('1', '2026-01-01T00:00:00Z'), token('3', '2026-02-01T00:00:00Z')];
    expect(withToken(list, token('3', '2026-02-01T00:00:00Z', '2026-02-03T00:00:00Z')).map((t) => [t.id, t.revokedAt !== null]))
      .toEqual([['1', false], ['3', true]]);
    expect(withToken(list, token('4', '2026-04-01T00:00:00Z')).map((t) => t.id)).toEqual(['4', '3', '1']);
  });
});
