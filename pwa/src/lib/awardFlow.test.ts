import { describe, expect, it } from 'vitest';
import { awardableBadges, chooseBadge, credentialFileName, emptyDraft, expiresSoon, newestAward, problems, togglePerson } from './awardFlow';
import type { AwardFieldsFragment as Award, BadgeFieldsFragment as Badge } from '../graphql/people.generated';

const badge = (over: Partial<Badge> = {}): Badge => ({
  id: '1', kind: 'BADGE', name: 'Esprit d’équipe', description: '', emoji: '🤝', imageUrl: null, category: 'TEAM_SPIRIT',
  criteria: '', repeatable: true, validityDays: null, awardPolicy: 'MANAGERS', levels: [], retired: false, ...over,
});

describe('award flow', () => {
  it('asks for a badge, people and a reason before confirming', () => {
    expect(problems(emptyDraft)).toEqual(['badge', 'people', 'reason']);
    let draft = chooseBadge(emptyDraft, badge());
    draft = togglePerson(togglePerson(draft, '7'), '9');
    expect(problems({ ...draft, reason: ' ok ' })).toEqual(['reason']);
    expect(problems({ ...draft, reason: 'Bravo pour la semaine' })).toEqual([]);
    expect(togglePerson(draft, '7').userIds).toEqual(['9']);
  });

  it('starts a label at its lowest level', () => {
    expect(chooseBadge(emptyDraft, badge({ kind: 'LABEL', levels: ['Bronze', 'Or'] })).level).toBe('Bronze');
  });

  it('offers managers only the badges they may award', () => {
    const all = [
      badge({ id: '1' }),
      badge({ id: '2', awardPolicy: 'RULES' }),
      badge({ id: '3', awardPolicy: 'ADMINS' }),
      badge({ id: '4', kind: 'LABEL', awardPolicy: 'ADMINS' }),
      badge({ id: '5', retired: true }),
    ];
    expect(awardableBadges(all, false).map((b) => b.id)).toEqual(['1']);
    expect(awardableBadges(all, true).map((b) => b.id)).toEqual(['1', '3', '4']);
  });

  it('picks the newest award and names its file safely', () => {
    const award = (id: string, awardedAt: string) => ({ id, awardedAt, badge: badge({ name: 'Roi de l’entretien !' }) }) as Award;
    expect(newestAward([award('1', '2026-01-01T00:00:00Z'), award('2', '2026-02-01T00:00:00Z')])?.id).toBe('2');
    expect(newestAward([])).toBeNull();
    expect(credentialFileName(award('12', ''))).toBe('badge-roi-de-l-entretien-12.json');
  });
});

describe('renewal', () => {
  it('flags a valid label expiring within 30 days, not later ones nor expired ones', () => {
    const now = new Date('2026-11-27T08:00:00Z');
    expect(expiresSoon({ status: 'VALID', expiresAt: '2026-12-20T00:00:00Z' }, now)).toBe(true);
    expect(expiresSoon({ status: 'VALID', expiresAt: '2027-02-01T00:00:00Z' }, now)).toBe(false);
    expect(expiresSoon({ status: 'EXPIRED', expiresAt: '2026-11-01T00:00:00Z' }, now)).toBe(false);
    expect(expiresSoon({ status: 'VALID', expiresAt: null }, now)).toBe(false);
  });
});
