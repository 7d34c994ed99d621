import { describe, expect, it } from 'vitest';
import { emptyBadgeForm, imageProblem, parseLevels, toCreateBadgeInput } from './badgeForm';

describe('badge form', () => {
  it('reads levels typed in any way, once each', () => {
    expect(parseLevels('Bronze, Argent / Or\nOr')).toEqual(['Bronze', 'Argent', 'Or']);
    expect(parseLevels('  ')).toEqual([]);
  });

  it('sends levels and no repetition for a label, an emoji only without an image', () => {
    const label = toCreateBadgeInput({ ...emptyBadgeForm, name: ' Chef des Ventes ', kind: 'LABEL', levels: 'Bronze, Or', repeatable: true, validityDays: '365' });
    expect(label).toMatchObject({ name: 'Chef des Ventes', levels: ['Bronze', 'Or'], repeatable: false, validityDays: 365, emoji: '🏅' });
    const image = toCreateBadgeInput({ ...emptyBadgeForm, name: 'Client ravi', imageBase64: 'data:image/png;base64,AAA', levels: 'x' });
    expect(image).toMatchObject({ emoji: null, imageBase64: 'data:image/png;base64,AAA', levels: [], validityDays: null });
  });

  it('refuses other types and big files before sending', () => {
    expect(imageProblem({ size: 10, type: 'image/svg+xml' })).toBe('type');
    expect(imageProblem({ size: 3 * 1024 * 1024, type: 'image/png' })).toBe('size');
    expect(imageProblem({ size: 1000, type: 'image/webp' })).toBeNull();
  });
});
