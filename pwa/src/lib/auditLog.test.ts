import { describe, expect, it } from 'vitest';
import { actionKey, dayStart, fieldKey, valueWords } from './auditLog';

describe('the audit log words', () => {
  it('names known actions and falls back for new ones', () => {
    expect(actionKey('unit.moved')).toBe('audit.action.unit.moved');
    expect(actionKey('plan.lever_changed')).toBe('audit.action.other');
  });

  it('labels known fields only', () => {
    expect(fieldKey('role')).toBe('audit.field.role');
    expect(fieldKey('source_id')).toBeNull();
  });

  it('reads roles, levels and booleans by their words', () => {
    expect(valueWords('role', 'MANAGER')).toEqual({ key: 'role', value: 'MANAGER' });
    expect(valueWords('kind', 'POINT_OF_SALE')).toEqual({ key: 'kind', value: 'POINT_OF_SALE' });
    expect(valueWords('open', 'false')).toEqual({ key: 'yesNo', value: 'false' });
    expect(valueWords('name', 'MANAGER')).toEqual({ key: null, value: 'MANAGER' });
  });

  it('turns a typed day into the start of that day, or of the next', () => {
    expect(dayStart('')).toBeNull();
    expect(new Date(dayStart('2026-03-01') as string).getDate()).toBe(1);
    expect(new Date(dayStart('2026-03-31', 1) as string).getMonth()).toBe(3);
  });
});
