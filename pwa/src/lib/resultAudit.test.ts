import { describe, expect, it } from 'vitest';
import { checkAuditFilter, NO_AUDIT_FILTER, signedValue, toAuditFilter } from './resultAudit';

describe('the audit filters', () => {
  it('send nothing but the corrections switch when empty', () => {
    expect(toAuditFilter(NO_AUDIT_FILTER)).toEqual({
      metricId: null, participantId: null, periodStart: null, periodEnd: null, correctionsOnly: false,
    });
  });

  it('cover whole days, the last one included', () => {
    const filter = toAuditFilter({ ...NO_AUDIT_FILTER, from: '2026-03-01', to: '2026-03-31', metricId: '4', personId: '9' });
    expect(filter.periodStart).toBe(new Date(2026, 2, 1).toISOString());
    expect(filter.periodEnd).toBe(new Date(2026, 3, 1).toISOString());
    expect([filter.metricId, filter.participantId]).toEqual(['4', '9']);
  });

  it('refuse a period that ends before it starts', () => {
    expect(checkAuditFilter({ ...NO_AUDIT_FILTER, from: '2026-03-10', to: '2026-03-01' })).toBe('challenges.error.period');
    expect(checkAuditFilter({ ...NO_AUDIT_FILTER, from: '2026-03-10' })).toBeNull();
  });
});

describe('signedValue', () => {
  it('always shows the sign, a true minus for a correction', () => {
    expect(signedValue(3, 'véh.', 'fr')).toBe('+3 véh.');
    expect(signedValue(-1.5, 'véh.', 'fr')).toBe('−1,5 véh.');
    expect(signedValue(2, '', 'en')).toBe('+2');
  });
});
