import { describe, expect, it } from 'vitest';
import { applyChoice, isRunning, percentDone } from './networkImport';

describe('the network import on screen', () => {
  it('says which steps still run', () => {
    expect(isRunning('CHECKING')).toBe(true);
    expect(isRunning('APPLYING')).toBe(true);
    expect(isRunning('CHECKED')).toBe(false);
  });

  it('shows progress as a bounded percentage', () => {
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(250, 1000)).toBe(25);
    expect(percentDone(1200, 1000)).toBe(100);
  });

  it('offers to apply all, the valid lines only, or nothing', () => {
    expect(applyChoice('CHECKED', 0, 10)).toBe('all');
    expect(applyChoice('CHECKED', 3, 10)).toBe('valid');
    expect(applyChoice('REFUSED', 0, null)).toBe('none');
    expect(applyChoice('APPLIED', 0, 10)).toBe('none');
  });
});
