import { describe, expect, it } from 'vitest';
import { checkSpread, monthOf, monthPeriod, spreadFieldOf, spreadSummary, spreadValue } from './targetSpread';

const good = { unit: '4', metric: '2', month: '2026-12', value: '40' };

describe('spreading a unit target', () => {
  it('covers a whole month, December running into January', () => {
    expect(monthPeriod('2026-12')).toEqual({
      periodStart: '2026-12-01T00:00:00.000Z', periodEnd: '2027-01-01T00:00:00.000Z',
    });
    expect(monthPeriod('2026-13')).toBeNull();
    expect(monthPeriod('')).toBeNull();
    expect(monthOf(new Date('2026-11-30T23:59:00Z'))).toBe('2026-11');
  });

  it('asks for a unit, a metric, a month and a positive total before sending', () => {
    expect(checkSpread(good)).toEqual({});
    expect(checkSpread({ unit: '', metric: '', month: 'x', value: '0' })).toEqual({
      unit: 'challenges.spread.unitRequired', metric: 'challenges.spread.metricRequired',
      month: 'challenges.spread.monthInvalid', value: 'challenges.spread.valueInvalid',
    });
    expect(checkSpread({ ...good, value: 'beaucoup' }).value).toBe('challenges.spread.valueInvalid');
    expect(checkSpread({ ...good, value: '12,5' })).toEqual({});
    expect(spreadValue({ ...good, value: '12,5' })).toBe(12.5);
  });

  it('puts a server error next to the field it names', () => {
    expect(spreadFieldOf('periodEnd')).toBe('month');
    expect(spreadFieldOf('value')).toBe('value');
    expect(spreadFieldOf('unit')).toBe('unit');
    expect(spreadFieldOf(null)).toBeNull();
  });

  it('tells how many people received what', () => {
    expect(spreadSummary([{ value: 10 }, { value: 10 }])).toEqual({ members: 2, share: 10 });
    expect(spreadSummary([{ value: 10 }, { value: 12 }])).toEqual({ members: 2, share: null });
    expect(spreadSummary([])).toEqual({ members: 0, share: null });
  });
});
