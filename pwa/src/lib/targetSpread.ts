/**
 * The "spread a unit's target" form: its month as a period, what is checked before sending,
 * where a server error goes, and how the result reads (how many people received what).
 */

export type SpreadField = 'unit' | 'metric' | 'month' | 'value';

export interface SpreadValues {
  unit: string;
  metric: string;
  /** `YYYY-MM`, as an `<input type="month">` gives it. */
  month: string;
  value: string;
}

export interface Period {
  periodStart: string;
  periodEnd: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month a date falls in, as `YYYY-MM` (UTC). */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of the month and of the next one (UTC), or null for a malformed month. */
export function monthPeriod(month: string): Period | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    periodStart: new Date(Date.UTC(year, index, 1)).toISOString(),
    periodEnd: new Date(Date.UTC(year, index + 1, 1)).toISOString(),
  };
}

/** Field → message key for what can be told before asking the server. */
export function checkSpread(values: SpreadValues): Partial<Record<SpreadField, string>> {
  const errors: Partial<Record<SpreadField, string>> = {};
  if (!values.unit) errors.unit = 'challenges.spread.unitRequired';
  if (!values.metric) errors.metric = 'challenges.spread.metricRequired';
  if (monthPeriod(values.month) === null) errors.month = 'challenges.spread.monthInvalid';
  const value = Number(values.value.replace(',', '.'));
  if (values.value.trim() === '' || !Number.isFinite(value) || value <= 0) errors.value = 'challenges.spread.valueInvalid';
  return errors;
}

/** The number typed, a comma accepted as the decimal mark. */
export function spreadValue(values: SpreadValues): number {
  return Number(values.value.replace(',', '.'));
}

/** The form field a server error names (`periodEnd` is the month here), or null for the whole form. */
export function spreadFieldOf(serverField: string | null | undefined): SpreadField | null {
  switch (serverField) {
    case 'unit':
    case 'participant':
      return 'unit';
    case 'metric':
      return 'metric';
    case 'periodStart':
    case 'periodEnd':
      return 'month';
    case 'value':
      return 'value';
    default:
      return null;
  }
}

export interface SpreadSummary {
  members: number;
  /** Each one's share when all received the same, else null. */
  share: number | null;
}

export function spreadSummary(people: readonly { value: number }[]): SpreadSummary {
  const values = new Set(people.map((p) => p.value));
  return { members: people.length, share: values.size === 1 ? ([...values][0] ?? null) : null };
}
