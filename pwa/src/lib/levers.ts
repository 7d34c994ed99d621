/**
 * Pure logic of the Train and Evaluate screens: chart
 * geometry (SVG, readable at 360 px), quiz answer picking and number formats.
 */

// ------------------------------------------------------------------ charts

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartBox {
  width: number;
  height: number;
  padding: number;
}

/**
 * Points of a line chart on a 0–100 scale; months without a value break the
 * line (one polyline per run of known values).
 */
export function lineRuns(values: readonly (number | null)[], box: ChartBox, max = 100, min = 0): ChartPoint[][] {
  const runs: ChartPoint[][] = [];
  let current: ChartPoint[] = [];
  const step = values.length > 1 ? (box.width - 2 * box.padding) / (values.length - 1) : 0;
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) runs.push(current);
      current = [];
      return;
    }
    current.push({ x: box.padding + index * step, y: yFor(value, box, max, min) });
  });
  if (current.length) runs.push(current);
  return runs;
}

export function yFor(value: number, box: ChartBox, max = 100, min = 0): number {
  const clamped = Math.min(max, Math.max(min, value));
  return box.height - box.padding - ((clamped - min) / (max - min)) * (box.height - 2 * box.padding);
}

/**
 * The bottom of an index chart: 10 below the lowest value or target, down to
 * a multiple of 10, so that a change of a few points stays visible at 360 px.
 */
export function chartFloor(values: readonly (number | null)[], target: number | null): number {
  const known = [...values, target].filter((v): v is number => v !== null);
  if (known.length === 0) return 0;
  return Math.max(0, Math.min(80, Math.floor((Math.min(...known) - 10) / 10) * 10));
}

export function pointsAttribute(points: readonly ChartPoint[]): string {
  return points.map((p) => `${round1(p.x)},${round1(p.y)}`).join(' ');
}

/** Vertices of a radar polygon: one axis per skill, level 0..maxLevel, first axis up. */
export function radarPoints(levels: readonly number[], radius: number, center: number, maxLevel = 4): ChartPoint[] {
  return levels.map((level, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / levels.length;
    const r = (Math.min(maxLevel, Math.max(0, level)) / maxLevel) * radius;
    return { x: center + r * Math.cos(angle), y: center + r * Math.sin(angle) };
  });
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

// -------------------------------------------------------------------- quiz

/** The choices picked for each question after a tap: single choice replaces, multiple toggles. */
export function pickChoice(
  picked: Readonly<Record<string, string[]>>,
  questionId: string,
  choiceId: string,
  multiple: boolean,
): Record<string, string[]> {
  const current = picked[questionId] ?? [];
  const next = multiple
    ? current.includes(choiceId)
      ? current.filter((id) => id !== choiceId)
      : [...current, choiceId]
    : [choiceId];
  return { ...picked, [questionId]: next };
}

export function answersInput(picked: Readonly<Record<string, readonly string[]>>): { questionId: string; choiceIds: string[] }[] {
  return Object.entries(picked)
    .filter(([, ids]) => ids.length > 0)
    .map(([questionId, ids]) => ({ questionId, choiceIds: [...ids] }));
}

export function allAnswered(questionIds: readonly string[], picked: Readonly<Record<string, readonly string[]>>): boolean {
  return questionIds.every((id) => (picked[id] ?? []).length > 0);
}

// ----------------------------------------------------------------- numbers

/** « 72,5 % » in French, "72.5%" in English (Intl), or an en dash when nothing was measured. */
export function percent(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

export function indexValue(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** A progress share in [0, 1] for bars; 0 when nothing is expected. */
export function share(done: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
}
