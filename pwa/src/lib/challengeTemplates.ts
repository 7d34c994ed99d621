/**
 * Built-in challenge templates: a wizard started from one has its rules filled
 * in, its dates set from today, and only the metrics (the organisation's own)
 * left to choose. The words come from the catalogue (French first).
 */
import { dayOf, emptyChallengeForm, type ChallengeFormValues } from './challengeForm';

export type ChallengeTemplateId = 'monthly' | 'duel' | 'race' | 'sprint';

/** The catalogue keys a template reads its words from. */
export type TemplateKey =
  | `challenges.template.${ChallengeTemplateId}.${'name' | 'pitch' | 'description'}`
  | 'challenges.template.goalReached';
export type Words = (key: TemplateKey) => string;

export interface ChallengeTemplate {
  id: ChallengeTemplateId;
  /** Catalogue keys of its name, its one-line pitch and the description it writes. */
  nameKey: `challenges.template.${ChallengeTemplateId}.name`;
  pitchKey: `challenges.template.${ChallengeTemplateId}.pitch`;
  descriptionKey: `challenges.template.${ChallengeTemplateId}.description`;
  values: (today: Date, words: Words) => Omit<ChallengeFormValues, 'name' | 'description'>;
}

function keys(id: ChallengeTemplateId) {
  return {
    id,
    nameKey: `challenges.template.${id}.name`,
    pitchKey: `challenges.template.${id}.pitch`,
    descriptionKey: `challenges.template.${id}.description`,
  } as const;
}

/** The first and last days of the month `today` falls in. */
export function monthOf(today: Date): { startsOn: string; endsOn: string } {
  return {
    startsOn: dayOf(new Date(today.getFullYear(), today.getMonth(), 1)),
    endsOn: dayOf(new Date(today.getFullYear(), today.getMonth() + 1, 0)),
  };
}

/** Seven days from today. */
export function weekFrom(today: Date): { startsOn: string; endsOn: string } {
  return { startsOn: dayOf(today), endsOn: dayOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 6)) };
}

function base(today: Date): Omit<ChallengeFormValues, 'name' | 'description'> {
  const { name: _name, description: _description, ...rest } = emptyChallengeForm(today);
  return rest;
}

export const CHALLENGE_TEMPLATES: readonly ChallengeTemplate[] = [
  {
    // this month, each against their own target, everyone rewarded at 100 %, again next month
    ...keys('monthly'),
    values: (today, words) => ({
      ...base(today),
      ...monthOf(today),
      scoringMode: 'PERCENT_OF_TARGET',
      thresholds: [{ score: '100', label: words('challenges.template.goalReached') }],
      recurrence: 'MONTHLY',
    }),
  },
  {
    // points of sale face to face for a week, on their progress over their own past
    ...keys('duel'),
    values: (today) => ({
      ...base(today),
      ...weekFrom(today),
      participantKind: 'UNIT',
      scoringMode: 'IMPROVEMENT',
      thresholds: [{ score: '', label: '' }],
    }),
  },
  {
    // everyone who reaches the target wins, no ranking to fear
    ...keys('race'),
    values: (today) => ({
      ...base(today),
      ...monthOf(today),
      format: 'RACE',
      raceTarget: '100',
      scoringMode: 'PERCENT_OF_TARGET',
      thresholds: [{ score: '', label: '' }],
    }),
  },
  {
    // a week's sprint in points, only the top 10 named
    ...keys('sprint'),
    values: (today) => ({
      ...base(today),
      ...weekFrom(today),
      scoringMode: 'ABSOLUTE',
      visibility: 'TOP_AND_AROUND',
      topN: '10',
      thresholds: [{ score: '', label: '' }],
      recurrence: 'WEEKLY',
    }),
  },
];

/** The wizard's form for a template, its name and description in the reader's words. */
export function formFromTemplate(template: ChallengeTemplate, today: Date, words: Words): ChallengeFormValues {
  return { ...template.values(today, words), name: words(template.nameKey), description: words(template.descriptionKey) };
}
