/** Pure logic of the people screen: the addresses pasted into an invite, and the roles a viewer may give. */

export type Role = 'ADMIN' | 'MANAGER' | 'MEMBER';

const RANK: Record<Role, number> = { MEMBER: 0, MANAGER: 1, ADMIN: 2 };
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The roles a viewer may give: never above their own, highest last. */
export function grantableRoles(viewerRole: Role): Role[] {
  return (['MEMBER', 'MANAGER', 'ADMIN'] as Role[]).filter((role) => RANK[role] <= RANK[viewerRole]);
}

export interface PastedAddresses {
  emails: string[];
  /** What doesn't look like an address, as typed. */
  invalid: string[];
}

/**
 * Addresses pasted one per line, or separated by commas, semicolons or spaces (as a mail
 * client or a spreadsheet copies them), « Name <address> » included; each once, lower-cased.
 */
export function pastedAddresses(text: string): PastedAddresses {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const piece of text.split(/[\n,;]+/)) {
    const raw = piece.trim();
    if (!raw) continue;
    const bracketed = /<([^<>]+)>/.exec(raw);
    const candidate = (bracketed?.[1] ?? raw).trim().toLowerCase();
    if (!EMAIL_SHAPE.test(candidate) || /\s/.test(candidate)) invalid.push(raw);
    else if (!emails.includes(candidate)) emails.push(candidate);
  }
  return { emails, invalid };
}
