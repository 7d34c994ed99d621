import { describe, expect, it } from 'vitest';
import {
  allAnswered,
  chartFloor,
  answersInput,
  lineRuns,
  percent,
  pickChoice,
  pointsAttribute,
  radarPoints,
  share,
  yFor,
} from './levers';


describe('charts', () => {
  const box = { width: 300, height: 120, padding: 10 };

  it('scale 0..100 onto the box, bottom up, clamped', () => {
    expect(yFor(0, box)).toBe(110);
    expect(yFor(100, box)).toBe(10);
    expect(yFor(150, box)).toBe(10);
  });

  it('start the scale a little below the lowest value or target', () => {
    expect(chartFloor([78, 82, null], 75)).toBe(60);
    expect(chartFloor([5], null)).toBe(0);
    expect(chartFloor([], null)).toBe(0);
    expect(chartFloor([99], 99)).toBe(80);
    expect(yFor(60, box, 100, 60)).toBe(110);
  });

  it('break the line where a month has no value', () => {
    const runs = lineRuns([50, null, 60, 70], box);
    expect(runs.map((run) => run.length)).toEqual([1, 2]);
    expect(runs[1]?.[0]?.x).toBeCloseTo(10 + (2 * 280) / 3);
    expect(pointsAttribute([{ x: 1.234, y: 5.678 }])).toBe('1.2,5.7');
  });

  it('draw a radar with the first axis up', () => {
    const [first, second] = radarPoints([4, 2, 0, 4], 50, 60);
    expect(first).toEqual({ x: 60, y: 10 });
    expect(second?.x).toBeCloseTo(85);
    expect(second?.y).toBeCloseTo(60);
  });
});

describe('quiz answers', () => {
  it('replace on single choice, toggle on multiple', () => {
    let picked = pickChoice({}, 'q1', 'a', false);
    picked = pickChoice(picked, 'q1', 'b', false);
    expect(picked).toEqual({ q1: ['b'] });
    picked = pickChoice(picked, 'q2', 'x', true);
    picked = pickChoice(picked, 'q2', 'y', true);
    picked = pickChoice(picked, 'q2', 'x', true);
    expect(picked.q2).toEqual(['y']);
    expect(answersInput({ ...picked, q3: [] })).toEqual([
      { questionId: 'q1', choiceIds: ['b'] },
      { questionId: 'q2', choiceIds: ['y'] },
    ]);
    expect(allAnswered(['q1', 'q2'], picked)).toBe(true);
    expect(allAnswered(['q1', 'q3'], picked)).toBe(false);
  });
});

describe('numbers', () => {
  it('format percents and shares', () => {
    expect(percent(72.456, 'fr').replace(/\s/g, ' ')).toBe('72,5 %');
    expect(percent(72.456, 'en')).toBe('72.5%');
    expect(percent(null, 'fr')).toBe('–');
    expect(share(3, 4)).toBe(0.75);
    expect(share(1, 0)).toBe(0);
  });
});
