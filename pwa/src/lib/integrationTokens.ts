/** Integration tokens on the admin screen: the name checked before sending, and their order. */

export interface TokenLike {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

export const TOKEN_NAME_MAX = 80;

/** A message key when the name can't be sent as it is, else null. */
export function checkTokenName(name: string): string | null {
  const length = name.split(/\s+/).filter(Boolean).join(' ').length;
  return length < 2 || length > TOKEN_NAME_MAX ? 'challenges.tokens.nameInvalid' : null;
}

/** Active tokens first, newest first within each group. */
export function sortTokens<T extends TokenLike>(tokens: readonly T[]): T[] {
  return [...tokens].sort((a, b) => {
    if ((a.revokedAt === null) !== (b.revokedAt === null)) return a.revokedAt === null ? -1 : 1;
    return b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id);
  });
}

/** The list with one token replaced (after a revocation) or added (after a creation). */
export function withToken<T extends TokenLike>(tokens: readonly T[], token: T): T[] {
  return sortTokens([...tokens.filter((t) => t.id !== token.id), token]);
}
