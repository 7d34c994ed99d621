/**
 * One number format per locale for every score on the boards, results and breakdown
 * (Intl.NumberFormat: « 41,7 % » in French, "41.7%" in English), and the same unit for the
 * same thing: a challenge scored in percent of target (or improvement) speaks in percent,
 * an absolute one in points. Gaps round up, so « encore X » never reads 0.
 */

export type ScoreUnit = 'percent' | 'points';

const formats = new Map<string, Intl.NumberFormat>();

function format(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(language, options);
    formats.set(key, found);
  }
  return found;
}

/** The unit a challenge's scores are in. */
export function scoreUnit(scoringMode: string): ScoreUnit {
  return scoringMode === 'ABSOLUTE' ? 'points' : 'percent';
}

/** A plain number, at most one decimal: « 1 234,5 » / "1,234.5". */
export function formatNumber(value: number, language: string, decimals = 1): string {
  return format(language, { maximumFractionDigits: decimals }).format(value);
}

/** A score in its unit: « 41,7 % » / "41.7%", « 40 pts » / "40 pts". */
export function formatScore(value: number, unit: ScoreUnit, language: string): string {
  if (unit === 'percent') return format(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  return `${formatNumber(value, language)}\u00a0pts`;
}

/** Rounds a positive gap up to the shown precision: 0.01 reads « 0,1 », never « 0 ». */
export function gapUp(value: number, decimals = 1): number {
  const scale = 10 ** decimals;
  return Math.max(1 / scale, Math.ceil(value * scale - 1e-9) / scale);
}

/** A gap to gain a place or reach a threshold, in the score's unit, never zero. */
export function formatGap(value: number, unit: ScoreUnit, language: string): string {
  return formatScore(gapUp(value), unit, language);
}

/**
 * The breakdown's parts rounded so that they add up to the total as shown (largest
 * remainder): 33.35 + 33.35 + 33.3 shows 33.4 + 33.3 + 33.3 = 100.0, not 100.1.
 */
export function partsAddingUp(parts: readonly number[], decimals = 1, shownTotal?: number): number[] {
  const scale = 10 ** decimals;
  const total = Math.round((shownTotal ?? parts.reduce((sum, part) => sum + part, 0)) * scale);
  const floors = parts.map((part) => Math.floor(part * scale + 1e-9));
  let missing = total - floors.reduce((sum, part) => sum + part, 0);
  const order = parts
    .map((part, index) => ({ index, remainder: part * scale - floors[index]! }))
    .sort((a, b) => b.remainder - a.remainder);
  // largest remainders up (or smallest down, when the total shown is below the parts' sum)
  for (let turn = 0; missing !== 0 && order.length && turn < 10 * order.length; turn += 1) {
    const { index } = missing > 0 ? order[turn % order.length]! : order[order.length - 1 - (turn % order.length)]!;
    floors[index]! += missing > 0 ? 1 : -1;
    missing += missing > 0 ? -1 : 1;
  }
  return floors.map((part) => part / scale);
}

/** Time left before the end, in the reader's words: « 3 j », « 5 h », « 12 min » (null when over). */
export function timeLeft(endsAt: Date, now: Date, language: string): string | null {
  const ms = endsAt.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.ceil(ms / 60_000);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    minutes >= 2 * 24 * 60 ? [Math.floor(minutes / (24 * 60)), 'day'] : minutes >= 120 ? [Math.floor(minutes / 60), 'hour'] : [minutes, 'minute'];
  return format(language, { style: 'unit', unit, unitDisplay: 'short' } as Intl.NumberFormatOptions).format(value);
}
