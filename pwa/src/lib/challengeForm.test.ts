import { describe, expect, it } from 'vitest';
import {
  checkChallengeForm,
  checkRewards,
  checkScoring,
  checkWhat,
  emptyChallengeForm,
  formFromChallenge,
  placeServerError,
  publishOutcome,
  startOfDay,
  stepOf,
  toChallengeInput,
  type ChallengeFormValues,
} from './challengeForm';
import type { ChallengeRulesFieldsFragment as ChallengeRules } from '../graphql/challenges.generated';

const today = new Date(2026, 2, 10, 15, 30);

function filled(changes: Partial<ChallengeFormValues> = {}): ChallengeFormValues {
  return { ...emptyChallengeForm(today), name: 'Challenge de printemps', weights: { '7': '2' }, ...changes };
}

describe('a new challenge form', () => {
  it('starts today for thirty days, ranked on everyone’s own target, everyone named', () => {
    const values = emptyChallengeForm(today);
    expect([values.startsOn, values.endsOn]).toEqual(['2026-03-10', '2026-04-09']);
    expect([values.scoringMode, values.visibility, values.recurrence, values.criteria]).toEqual([
      'PERCENT_OF_TARGET', 'EVERYONE', 'NONE', [],
    ]);
  });

  it('is complete once named and given a metric', () => {
    expect(checkChallengeForm(emptyChallengeForm(today))).toEqual({
      name: 'challenges.error.name',
      metrics: 'challenges.error.metrics',
    });
    expect(checkChallengeForm(filled())).toEqual({});
  });
});

describe('the checks before sending', () => {
  it('refuse a period that ends before it starts, or a day that doesn’t exist', () => {
    expect(checkWhat(filled({ startsOn: '2026-03-10', endsOn: '2026-03-09' }))).toEqual({ endsAt: 'challenges.error.period' });
    expect(checkWhat(filled({ startsOn: '2026-02-30' }))).toEqual({ startsAt: 'challenges.error.date' });
    expect(checkWhat(filled({ startsOn: '2026-03-10', endsOn: '2026-03-10' }))).toEqual({});
  });

  it('want at least one metric with a positive weight, and criteria with positive weights', () => {
    expect(checkScoring(filled({ weights: { '7': '0' } }))).toEqual({ metrics: 'challenges.error.metrics' });
    expect(checkScoring(filled({ weights: { '7': '2', '8': '-1' } }))).toEqual({ metrics: 'challenges.error.metrics' });
    const criterion = { kind: 'QUIZ_SCORE' as const, weight: '0', moduleIds: [], quizId: '' };
    expect(checkScoring(filled({ criteria: [criterion] }))).toEqual({ criteria: 'challenges.error.criterionWeight' });
    expect(checkScoring(filled({ criteria: [{ ...criterion, weight: '0,5' }] }))).toEqual({});
    const many = Array.from({ length: 7 }, () => ({ ...criterion, weight: '1' }));
    expect(checkScoring(filled({ criteria: many }))).toEqual({ criteria: 'challenges.error.criteriaCount' });
  });

  it('want a whole number of leaders between 1 and 100 when only the top N are named', () => {
    for (const topN of ['0', '101', '2.5', '']) {
      expect(checkRewards(filled({ visibility: 'TOP_AND_AROUND', topN }))).toEqual({ topN: 'challenges.error.topN' });
    }
    expect(checkRewards(filled({ visibility: 'TOP_AND_AROUND', topN: '3' }))).toEqual({});
    expect(checkRewards(filled({ visibility: 'EVERYONE', topN: '0' }))).toEqual({});
  });

  it('leave an unnamed threshold out, and want a score for a named one and a target for a race', () => {
    expect(checkRewards(filled({ thresholds: [{ score: '100', label: '' }] }))).toEqual({});
    expect(checkRewards(filled({ thresholds: [{ score: '', label: 'Objectif' }] }))).toEqual({
      thresholds: 'challenges.error.thresholds',
    });
    expect(checkRewards(filled({ format: 'RACE', raceTarget: '0' }))).toEqual({ raceTarget: 'challenges.error.raceTarget' });
  });
});

describe('the input sent', () => {
  it('runs from the first day’s midnight to the last second of the last day, in the phone’s time zone', () => {
    const input = toChallengeInput(filled({ startsOn: '2026-03-01', endsOn: '2026-03-31' }));
    expect(input.startsAt).toBe(new Date(2026, 2, 1).toISOString());
    expect(input.endsAt).toBe(new Date(2026, 2, 31, 23, 59, 59).toISOString());
  });

  it('carries the chosen metrics, criteria with their options, named thresholds and top-N privacy', () => {
    const input = toChallengeInput(filled({
      weights: { '7': '2', '8': '', '9': '0' },
      criteria: [
        { kind: 'TRAINING_COMPLETION', weight: '1', moduleIds: ['3'], quizId: '12' },
        { kind: 'QUIZ_SCORE', weight: '0,5', moduleIds: ['3'], quizId: '12' },
        { kind: 'SATISFACTION', weight: '2', moduleIds: [], quizId: '' },
      ],
      thresholds: [{ score: '80', label: ' Dans la course ' }, { score: '120', label: '' }],
      visibility: 'TOP_AND_AROUND',
      topN: '5',
    }));
    expect(input.metrics).toEqual([{ metricId: '7', weight: 2 }]);
    expect(input.criteria).toEqual([
      { kind: 'TRAINING_COMPLETION', weight: 1, moduleIds: ['3'], quizId: null },
      { kind: 'QUIZ_SCORE', weight: 0.5, moduleIds: null, quizId: '12' },
      { kind: 'SATISFACTION', weight: 2, moduleIds: null, quizId: null },
    ]);
    expect(input.thresholds).toEqual([{ score: 80, label: 'Dans la course' }]);
    expect([input.visibility, input.topN, input.raceTarget]).toEqual(['TOP_AND_AROUND', 5, null]);
  });
});

describe('editing a draft', () => {
  const draft: ChallengeRules = {
    id: '4', name: 'Course aux contrats', description: 'Cinq contrats', status: 'DRAFT', format: 'RACE',
    participantKind: 'USER', scoringMode: 'ABSOLUTE', leagueRule: 'NONE', visibility: 'TOP_AND_AROUND', topN: 3,
    recurrence: 'MONTHLY', prizes: 'Une carte cadeau',
    startsAt: new Date(2026, 3, 1).toISOString(), endsAt: new Date(2026, 3, 30, 23, 59, 59).toISOString(),
    closedAt: null, raceTarget: 100, participantCount: 12, viewerCanManage: true,
    scopeUnit: { id: '2', name: 'Île-de-France', kind: 'REGION' },
    metrics: [{ weight: 20, metric: { id: '9', name: 'Contrats d’entretien', unitLabel: 'contrats' } }],
    criteria: [{ kind: 'QUIZ_SCORE', weight: 1, moduleIds: [], quizId: '12' }],
    thresholds: [{ score: 50, label: 'À mi-chemin' }, { score: 100, label: 'Objectif atteint' }],
  };

  it('reads its rules back into the form, the race target apart from the thresholds', () => {
    const values = formFromChallenge(draft);
    expect([values.startsOn, values.endsOn, values.scopeUnitId]).toEqual(['2026-04-01', '2026-04-30', '2']);
    expect(values.weights).toEqual({ '9': '20' });
    expect(values.thresholds).toEqual([{ score: '50', label: 'À mi-chemin' }]);
    expect([values.raceTarget, values.topN, values.visibility]).toEqual(['100', '3', 'TOP_AND_AROUND']);
    expect(values.criteria).toEqual([{ kind: 'QUIZ_SCORE', weight: '1', moduleIds: [], quizId: '12' }]);
  });

  it('sends back what it read, unchanged', () => {
    const input = toChallengeInput(formFromChallenge(draft));
    expect([input.startsAt, input.endsAt]).toEqual([draft.startsAt, draft.endsAt]);
    expect(input.thresholds).toEqual([{ score: 50, label: 'À mi-chemin' }]);
    expect([input.raceTarget, input.scopeUnitId, input.recurrence]).toEqual([100, '2', 'MONTHLY']);
  });
});

describe('a refusal from the server', () => {
  it('stands next to the field it names, whatever its spelling', () => {
    for (const field of ['endsAt', 'ends_at', 'input.endsAt']) {
      expect(placeServerError({ code: 'challenge_period_past', message: 'Période passée', field }).field).toBe('endsAt');
    }
    expect(placeServerError({ code: 'challenge_top_n_invalid', message: '…', field: 'topN' })).toEqual({
      field: 'topN', key: 'challenges.error.topN', message: '…',
    });
    expect(placeServerError({ code: 'challenge_period_past', message: '…', field: 'endsAt' }).key).toBe(
      'challenges.serverError.challenge_period_past');
  });

  it('stands by the scope when the scope is refused, and over the form otherwise', () => {
    expect(placeServerError({ code: 'challenge_out_of_scope', message: 'Hors périmètre' }).field).toBe('scopeUnitId');
    expect(placeServerError({ code: 'challenge_rules_frozen', message: 'Figé' }).field).toBe('form');
  });

  it('takes the wizard back to the step of its field', () => {
    expect([stepOf('endsAt'), stepOf('criteria'), stepOf('topN'), stepOf('form')]).toEqual([1, 2, 3, 1]);
  });
});

describe('startOfDay', () => {
  it('reads a day typed in a date input as its local midnight', () => {
    expect(startOfDay('2026-03-10')?.getTime()).toBe(new Date(2026, 2, 10).getTime());
    expect(startOfDay('10/03/2026')).toBeNull();
  });
});

describe('publishOutcome', () => {
  it('goes live when the first day has come, is scheduled before, and is refused once the last day is over', () => {
    const period = { startsOn: '2026-03-10', endsOn: '2026-03-31' };
    expect(publishOutcome(period, new Date(2026, 2, 9, 23))).toBe('SCHEDULED');
    expect(publishOutcome(period, new Date(2026, 2, 10, 0, 1))).toBe('LIVE');
    expect(publishOutcome(period, new Date(2026, 2, 31, 23, 59))).toBe('LIVE');
    expect(publishOutcome(period, new Date(2026, 3, 1, 0, 0, 1))).toBe('PAST');
  });
});
