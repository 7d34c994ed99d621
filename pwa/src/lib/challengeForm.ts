import type { ChallengeRulesFieldsFragment as ChallengeRules } from '../graphql/challenges.generated';
import type { ChallengeFormat, CreateChallengeInput as ChallengeRulesInput, CriterionKind, LeaderboardVisibility as Visibility, LeagueRule, ParticipantKind, Recurrence, ScoringMode } from '../graphql/types.generated';
/**
 * A challenge's rules as a form: the values typed (text, as inputs hold them), the checks made
 * before sending (the server makes them again), the input sent, the values read back from a
 * draft to edit it, and where a refusal from the server belongs in the form.
 */

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const PRIZES_MAX = 300;
export const TOP_N_MAX = 100;
export const CRITERIA_MAX = 6;
export const CRITERION_KINDS: readonly CriterionKind[] = ['TRAINING_COMPLETION', 'QUIZ_SCORE', 'SATISFACTION'];

export interface CriterionValues {
  kind: CriterionKind;
  weight: string;
  /** TRAINING_COMPLETION: the modules counted; none means each person's assigned modules. */
  moduleIds: string[];
  /** QUIZ_SCORE: the quiz counted; empty means the average of every quiz taken. */
  quizId: string;
}

export interface ChallengeFormValues {
  name: string;
  description: string;
  /** Days as `yyyy-mm-dd`, in the phone's time zone: the challenge runs from the start of the first to the end of the last. */
  startsOn: string;
  endsOn: string;
  scopeUnitId: string;
  participantKind: ParticipantKind;
  /** Metric id → weight typed; an empty or zero weight leaves the metric out. */
  weights: Record<string, string>;
  format: ChallengeFormat;
  scoringMode: ScoringMode;
  leagueRule: LeagueRule;
  criteria: CriterionValues[];
  thresholds: { score: string; label: string }[];
  raceTarget: string;
  prizes: string;
  visibility: Visibility;
  topN: string;
  recurrence: Recurrence;
}

/** The fields a message can stand next to; `form` is the whole form. */
export type ChallengeField =
  | 'name'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'scopeUnitId'
  | 'metrics'
  | 'format'
  | 'criteria'
  | 'thresholds'
  | 'raceTarget'
  | 'prizes'
  | 'topN'
  | 'form';

/** Field → catalogue key of the message to show there. */
export type ChallengeFormErrors = Partial<Record<ChallengeField, string>>;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A moment as the day it falls on in the phone's time zone. */
export function dayOf(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

function addDays(moment: Date, days: number): Date {
  const copy = new Date(moment);
  copy.setDate(copy.getDate() + days);
  return copy;
}

/** Midnight at the start of a `yyyy-mm-dd` day, in the phone's time zone; null when unreadable. */
export function startOfDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const moment = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(moment.getTime()) || dayOf(moment) !== day ? null : moment;
}

export function emptyChallengeForm(today: Date): ChallengeFormValues {
  return {
    name: '',
    description: '',
    startsOn: dayOf(today),
    endsOn: dayOf(addDays(today, 30)),
    scopeUnitId: '',
    participantKind: 'USER',
    weights: {},
    format: 'RANKING',
    scoringMode: 'PERCENT_OF_TARGET',
    leagueRule: 'NONE',
    criteria: [],
    thresholds: [{ score: '100', label: '' }],
    raceTarget: '100',
    prizes: '',
    visibility: 'EVERYONE',
    topN: '10',
    recurrence: 'NONE',
  };
}

function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
}

function positive(text: string): boolean {
  const value = numberOf(text);
  return Number.isFinite(value) && value > 0;
}

export function chosenMetrics(values: ChallengeFormValues): { metricId: string; weight: number }[] {
  return Object.entries(values.weights)
    .map(([metricId, weight]) => ({ metricId, weight: numberOf(weight) }))
    .filter(({ weight }) => Number.isFinite(weight) && weight > 0);
}

/** Thresholds that were named: one without a name is left out, not an error. */
function filledThresholds(values: ChallengeFormValues): { score: string; label: string }[] {
  return values.thresholds.filter((t) => t.label.trim() !== '');
}

/** The checks of the first step: name, description, period. */
export function checkWhat(values: ChallengeFormValues): ChallengeFormErrors {
  const errors: ChallengeFormErrors = {};
  const name = values.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > NAME_MAX) errors.name = 'challenges.error.name';
  if (values.description.length > DESCRIPTION_MAX) errors.description = 'challenges.error.description';
  const start = startOfDay(values.startsOn);
  const end = startOfDay(values.endsOn);
  if (!start) errors.startsAt = 'challenges.error.date';
  if (!end) errors.endsAt = 'challenges.error.date';
  else if (start && end < start) errors.endsAt = 'challenges.error.period';
  return errors;
}

/** The checks of the second step: metrics and their weights, qualitative criteria. */
export function checkScoring(values: ChallengeFormValues): ChallengeFormErrors {
  const errors: ChallengeFormErrors = {};
  const typed = Object.values(values.weights).filter((w) => w.trim() !== '');
  if (chosenMetrics(values).length === 0 || typed.some((w) => !(numberOf(w) >= 0))) {
    errors.metrics = 'challenges.error.metrics';
  }
  if (values.criteria.length > CRITERIA_MAX) errors.criteria = 'challenges.error.criteriaCount';
  else if (values.criteria.some((c) => !positive(c.weight))) errors.criteria = 'challenges.error.criterionWeight';
  return errors;
}

/** The checks of the third step: thresholds, race target, prizes, privacy. */
export function checkRewards(values: ChallengeFormValues): ChallengeFormErrors {
  const errors: ChallengeFormErrors = {};
  if (filledThresholds(values).some((t) => !positive(t.score) || t.label.trim() === '')) {
    errors.thresholds = 'challenges.error.thresholds';
  }
  if (values.format === 'RACE' && !positive(values.raceTarget)) errors.raceTarget = 'challenges.error.raceTarget';
  if (values.prizes.trim().length > PRIZES_MAX) errors.prizes = 'challenges.error.prizes';
  if (values.visibility === 'TOP_AND_AROUND') {
    const topN = numberOf(values.topN);
    if (!Number.isInteger(topN) || topN < 1 || topN > TOP_N_MAX) errors.topN = 'challenges.error.topN';
  }
  return errors;
}

export function checkChallengeForm(values: ChallengeFormValues): ChallengeFormErrors {
  return { ...checkWhat(values), ...checkScoring(values), ...checkRewards(values) };
}

/** The wizard's step holding a field, to go back to it when the server refuses it. */
export function stepOf(field: ChallengeField): 1 | 2 | 3 {
  if (['name', 'description', 'startsAt', 'endsAt', 'scopeUnitId', 'form'].includes(field)) return 1;
  if (['metrics', 'format', 'criteria'].includes(field)) return 2;
  return 3;
}

export function toChallengeInput(values: ChallengeFormValues): ChallengeRulesInput {
  const start = startOfDay(values.startsOn) ?? new Date(Number.NaN);
  const end = startOfDay(values.endsOn);
  const race = values.format === 'RACE';
  const ranked = values.visibility === 'TOP_AND_AROUND';
  return {
    name: values.name.trim().replace(/\s+/g, ' '),
    description: values.description.trim(),
    startsAt: start.toISOString(),
    // to the end of the last day: the next day's midnight, less a second
    endsAt: new Date((end ? addDays(end, 1) : new Date(Number.NaN)).getTime() - 1000).toISOString(),
    scopeUnitId: values.scopeUnitId || null,
    participantKind: values.participantKind,
    metrics: chosenMetrics(values),
    format: values.format,
    scoringMode: values.scoringMode,
    leagueRule: values.leagueRule,
    criteria: values.criteria.map((c) => ({
      kind: c.kind,
      weight: numberOf(c.weight),
      moduleIds: c.kind === 'TRAINING_COMPLETION' && c.moduleIds.length ? c.moduleIds : null,
      quizId: c.kind === 'QUIZ_SCORE' && c.quizId ? c.quizId : null,
    })),
    thresholds: filledThresholds(values).map((t) => ({ score: numberOf(t.score), label: t.label.trim() })),
    raceTarget: race ? numberOf(values.raceTarget) : null,
    prizes: values.prizes.trim(),
    visibility: values.visibility,
    topN: ranked ? numberOf(values.topN) : 10,
    recurrence: values.recurrence,
  };
}

/** The form of an existing challenge, to edit its rules. */
export function formFromChallenge(challenge: ChallengeRules): ChallengeFormValues {
  const race = challenge.format === 'RACE';
  return {
    name: challenge.name,
    description: challenge.description,
    startsOn: dayOf(new Date(challenge.startsAt)),
    // a challenge ends at the last second of its last day (or at midnight after it)
    endsOn: dayOf(new Date(new Date(challenge.endsAt).getTime() - 1000)),
    scopeUnitId: challenge.scopeUnit?.id ?? '',
    participantKind: challenge.participantKind,
    weights: Object.fromEntries(challenge.metrics.map((m) => [m.metric.id, String(m.weight)])),
    format: challenge.format,
    scoringMode: challenge.scoringMode,
    leagueRule: challenge.leagueRule,
    criteria: challenge.criteria.map((c) => ({
      kind: c.kind,
      weight: String(c.weight),
      moduleIds: [...c.moduleIds],
      quizId: c.quizId ?? '',
    })),
    // a race keeps its target as a threshold of its own: it is the race target field here
    thresholds: challenge.thresholds
      .filter((t) => !(race && t.score === challenge.raceTarget))
      .map((t) => ({ score: String(t.score), label: t.label })),
    raceTarget: String(challenge.raceTarget ?? 100),
    prizes: challenge.prizes,
    visibility: challenge.visibility,
    topN: String(challenge.topN),
    recurrence: challenge.recurrence,
  };
}

const FIELDS: readonly ChallengeField[] = [
  'name', 'description', 'startsAt', 'endsAt', 'scopeUnitId', 'metrics', 'format', 'criteria', 'thresholds',
  'raceTarget', 'prizes', 'topN',
];

/** Codes that concern one field though the server names none (a refusal of scope, say). */
const FIELD_OF_CODE: Readonly<Record<string, ChallengeField>> = {
  challenge_out_of_scope: 'scopeUnitId',
  unit_not_found: 'scopeUnitId',
  metric_not_found: 'metrics',
};

/** Codes whose words the form's own checks already have. */
const KEY_OF_CODE: Readonly<Record<string, string>> = {
  challenge_name_required: 'challenges.error.name',
  challenge_description_too_long: 'challenges.error.description',
  challenge_period_invalid: 'challenges.error.period',
  challenge_metrics_required: 'challenges.error.metrics',
  challenge_criteria_too_many: 'challenges.error.criteriaCount',
  challenge_weight_invalid: 'challenges.error.criterionWeight',
  challenge_thresholds_invalid: 'challenges.error.thresholds',
  challenge_race_target_required: 'challenges.error.raceTarget',
  challenge_prizes_too_long: 'challenges.error.prizes',
  challenge_top_n_invalid: 'challenges.error.topN',
};

export interface PlacedError {
  field: ChallengeField;
  /** The catalogue key of the message for this code (`challenges.serverError.<code>` unless the form has its words). */
  key: string;
  /** The server's own words, for a code the catalogue doesn't know. */
  message: string;
}

/** Where a refusal from the server goes: next to the field it names, else over the form. */
export function placeServerError(error: { code: string; message: string; field?: string | null }): PlacedError {
  // `endsAt`, `ends_at` and `input.endsAt` all name the same field
  const said = (error.field ?? '').split('.').pop()?.replace(/_/g, '').toLowerCase() ?? '';
  const named = FIELDS.find((f) => f.toLowerCase() === said);
  return {
    field: named ?? FIELD_OF_CODE[error.code] ?? 'form',
    key: KEY_OF_CODE[error.code] ?? `challenges.serverError.${error.code}`,
    message: error.message,
  };
}

/** What publishing does now: live at once when its first day has come, scheduled before, refused once its last day is over. */
export function publishOutcome(values: Pick<ChallengeFormValues, 'startsOn' | 'endsOn'>, now: Date): 'LIVE' | 'SCHEDULED' | 'PAST' {
  const start = startOfDay(values.startsOn);
  const end = startOfDay(values.endsOn);
  if (end && new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1) <= now) return 'PAST';
  return start && start > now ? 'SCHEDULED' : 'LIVE';
}
