/**
 * Pure logic of « Notre plan »: how each lever's figure reads, where its objective comes
 * from, and where the next step leads.
 */
import type { NextStepKind, PlanViewLever } from '../graphql/types.generated';
import { indexValue, percent } from './levers';
import { LEVER_PATHS, pathTo } from './routes';

export const PLAN_LEVERS: readonly PlanViewLever[] = ['TRAINING', 'QUIZ', 'SKILLS', 'SATISFACTION', 'CHALLENGES', 'RETENTION'];

/** A lever's figure in the reader's number format: percents, index points, or a level out of 4. */
export function leverFigure(lever: PlanViewLever, value: number | null, language: string): string {
  if (lever === 'SATISFACTION' || lever === 'CHALLENGES') return indexValue(value, language);
  if (lever === 'SKILLS') return value === null ? '–' : `${indexValue(value, language)}/4`;
  return percent(value, language);
}

/** How far along the objective a figure is, in [0, 1] (0 without an objective or a figure). */
export function towardTarget(value: number | null, target: number | null): number {
  if (value === null || target === null || target <= 0) return 0;
  return Math.min(1, Math.max(0, value / target));
}

export type ObjectiveSource = 'own' | 'spread' | 'plan';

/** Where the objective that holds for a unit was set: on it, above it (spread), or the plan's default. */
export function objectiveSource(objectiveUnitId: string | null, unitId: string): ObjectiveSource {
  if (objectiveUnitId === null) return 'plan';
  return objectiveUnitId === unitId ? 'own' : 'spread';
}

interface StepLike {
  kind: NextStepKind;
  subjectId: string | null;
}

/** Where the next step is done; null when there is nothing to open. */
export function stepLink(step: StepLike, unitId: string): string | null {
  const id = step.subjectId;
  switch (step.kind) {
    case 'COMPLETE_MODULE':
      return id ? LEVER_PATHS.module(id) : LEVER_PATHS.learn;
    case 'TAKE_QUIZ':
    case 'REVISE_QUIZ':
      return id ? LEVER_PATHS.quiz(id) : LEVER_PATHS.learn;
    case 'FOLLOW_ACTION_PLAN':
      return id ? LEVER_PATHS.actionPlan(id) : LEVER_PATHS.pointOfSale;
    case 'START_ACTION_PLAN':
      return LEVER_PATHS.pointOfSaleUnit(unitId);
    case 'PLAY_CHALLENGE':
      return id ? pathTo('challenge', id) : pathTo('challenges');
    case 'REMIND_TRAINING':
      return LEVER_PATHS.teamUnit(unitId);
    case 'PUSH_SKILL':
      return id ? LEVER_PATHS.module(id) : LEVER_PATHS.learn;
    case 'ENGAGE_TEAM':
      return pathTo('feed');
    default:
      return null;
  }
}

/** Units whose name holds the words typed, accents and case aside (the head-office view lists hundreds). */
export function matchingUnits<T extends { unitName: string }>(units: readonly T[], query: string): T[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.length === 0 ? [...units] : units.filter((u) => words.every((w) => fold(u.unitName).includes(w)));
}

/** A change with its sign, in the reader's format: « +19 », « −2,5 », « – » when unknown. */
export function signed(value: number | null, language: string): string {
  if (value === null) return '–';
  const text = new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
  return text.replace('-', '−');
}

/** Each week's bar height in percent: the share of the unit's people active that week (a sliver when someone was, none when nobody). */
export function weekBars(weeks: readonly { activePeople: number; people: number }[]): number[] {
  return weeks.map(({ activePeople, people }) => {
    if (activePeople === 0 || people === 0) return 0;
    return Math.max(4, Math.min(100, Math.round((100 * activePeople) / people)));
  });
}
