/**
 * The result audit's filters as a form (days typed in the phone's time zone) and how an
 * entry's value reads: signed, with its unit.
 */
import { startOfDay } from './challengeForm';
import type { ResultAuditFilter } from '../graphql/types.generated';

export interface AuditFilterValues {
  metricId: string;
  personId: string;
  /** `yyyy-mm-dd`, empty for no bound. */
  from: string;
  to: string;
  correctionsOnly: boolean;
}

export const NO_AUDIT_FILTER: AuditFilterValues = { metricId: '', personId: '', from: '', to: '', correctionsOnly: false };

/** The catalogue key of what is wrong with the filters, or null. */
export function checkAuditFilter(values: AuditFilterValues): string | null {
  const from = values.from ? startOfDay(values.from) : null;
  const to = values.to ? startOfDay(values.to) : null;
  if ((values.from && !from) || (values.to && !to)) return 'challenges.error.date';
  if (from && to && to < from) return 'challenges.error.period';
  return null;
}

/** The filter to send: results that occurred from the first day's start to the last day's end. */
export function toAuditFilter(values: AuditFilterValues): ResultAuditFilter {
  const from = values.from ? startOfDay(values.from) : null;
  const to = values.to ? startOfDay(values.to) : null;
  const end = to ? new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1) : null;
  return {
    metricId: values.metricId || null,
    participantId: values.personId || null,
    periodStart: from ? from.toISOString() : null,
    periodEnd: end ? end.toISOString() : null,
    correctionsOnly: values.correctionsOnly,
  };
}

/** « +3 véh. », « −1 véh. »: the sign always shown, a true minus sign. */
export function signedValue(value: number, unit: string, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(Math.abs(value));
  const sign = value < 0 ? '−' : '+';
  return unit ? `${sign}${number} ${unit}` : `${sign}${number}`;
}
