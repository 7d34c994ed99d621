import { describe, expect, it } from 'vitest';
import { checkRewards, checkWhat, toChallengeInput } from './challengeForm';
import { CHALLENGE_TEMPLATES, formFromTemplate, monthOf, weekFrom } from './challengeTemplates';

const today = new Date(2026, 1, 17); // 17 February 2026
const words = (key: string) => `«${key}»`;

describe('challenge templates', () => {
  it('cover a month, a week and leap years', () => {
    expect(monthOf(today)).toEqual({ startsOn: '2026-02-01', endsOn: '2026-02-28' });
    expect(monthOf(new Date(2028, 1, 3))).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(weekFrom(new Date(2026, 11, 28))).toEqual({ startsOn: '2026-12-28', endsOn: '2027-01-03' });
  });

  it('fill a form whose first and last steps pass the checks, the metrics left to choose', () => {
    for (const template of CHALLENGE_TEMPLATES) {
      const values = formFromTemplate(template, today, words);
      expect(values.name).toBe(`«challenges.template.${template.id}.name»`);
      expect(checkWhat(values)).toEqual({});
      expect(checkRewards(values)).toEqual({});
      expect(values.weights).toEqual({});
    }
  });

  it('say what each one is', () => {
    const byId = Object.fromEntries(CHALLENGE_TEMPLATES.map((t) => [t.id, toChallengeInput(formFromTemplate(t, today, words))]));
    expect(byId.monthly).toMatchObject({ recurrence: 'MONTHLY', scoringMode: 'PERCENT_OF_TARGET', thresholds: [{ score: 100, label: '«challenges.template.goalReached»' }] });
    expect(byId.duel).toMatchObject({ participantKind: 'UNIT', scoringMode: 'IMPROVEMENT', thresholds: [] });
    expect(byId.race).toMatchObject({ format: 'RACE', raceTarget: 100 });
    expect(byId.sprint).toMatchObject({ scoringMode: 'ABSOLUTE', visibility: 'TOP_AND_AROUND', topN: 10, recurrence: 'WEEKLY' });
  });
});
