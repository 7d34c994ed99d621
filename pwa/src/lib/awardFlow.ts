import type { AwardFieldsFragment as Award, BadgeFieldsFragment as Badge } from '../graphql/people.generated';
/**
 * The manager's award flow as pure state: pick a badge, pick people, give a
 * reason (and optionally a post as evidence), then confirm. No network here.
 */

export const REASON_MIN = 3;
export const REASON_MAX = 500;
export const PEOPLE_MAX = 50;

export interface AwardDraft {
  badgeId: string | null;
  userIds: string[];
  reason: string;
  postId: string | null;
  level: string | null;
}

export const emptyDraft: AwardDraft = { badgeId: null, userIds: [], reason: '', postId: null, level: null };

export function togglePerson(draft: AwardDraft, userId: string): AwardDraft {
  const userIds = draft.userIds.includes(userId)
    ? draft.userIds.filter((id) => id !== userId)
    : draft.userIds.length >= PEOPLE_MAX
      ? draft.userIds
      : [...draft.userIds, userId];
  return { ...draft, userIds };
}

export function chooseBadge(draft: AwardDraft, badge: Badge): AwardDraft {
  return { ...draft, badgeId: badge.id, level: badge.levels[0] ?? null };
}

export type DraftProblem = 'badge' | 'people' | 'reason';

/** What still stops the draft from being confirmed, in the order the form shows it. */
export function problems(draft: AwardDraft): DraftProblem[] {
  const found: DraftProblem[] = [];
  if (!draft.badgeId) found.push('badge');
  if (draft.userIds.length === 0) found.push('people');
  const reason = draft.reason.trim().length;
  if (reason < REASON_MIN || reason > REASON_MAX) found.push('reason');
  return found;
}

/** Badges a manager may hand out by hand: not retired, not rules-only, labels for head office. */
export function awardableBadges(badges: Badge[], isAdmin: boolean): Badge[] {
  return badges.filter(
    (badge) =>
      !badge.retired &&
      badge.awardPolicy !== 'RULES' &&
      (isAdmin || (badge.awardPolicy === 'MANAGERS' && badge.kind === 'BADGE')),
  );
}

/** The newest award, the one a celebration shows. */
export function newestAward(awards: Award[]): Award | null {
  let newest: Award | null = null;
  for (const award of awards) {
    if (!newest || award.awardedAt > newest.awardedAt || (award.awardedAt === newest.awardedAt && Number(award.id) > Number(newest.id))) {
      newest = award;
    }
  }
  return newest;
}

/** A file name for a downloaded credential, safe on every system. */
export function credentialFileName(award: Pick<Award, 'id' | 'badge'>): string {
  const slug = award.badge.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `badge-${slug || 'elan'}-${award.id}.json`;
}

export const RENEWAL_NOTICE_DAYS = 30;

/** A valid label expiring within the renewal window (the reminder's 30 days). */
export function expiresSoon(award: Pick<Award, 'status' | 'expiresAt'>, now: Date): boolean {
  if (award.status !== 'VALID' || !award.expiresAt) return false;
  const left = new Date(award.expiresAt).getTime() - now.getTime();
  return left > 0 && left <= RENEWAL_NOTICE_DAYS * 86_400_000;
}
