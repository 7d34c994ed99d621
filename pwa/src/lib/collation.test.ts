import { describe, expect, it } from 'vitest';
import { byName } from './collation';

const people = ['Yanis Bernard', 'Émilie Roux', 'élodie Martin', 'Zoé Petit', 'Diane Faure', 'Agent 10', 'Agent 9'];

describe('byName', () => {
  it('puts accented names where a French reader looks for them', () => {
    expect(byName(people, (p) => p, 'fr')).toEqual([
      'Agent 9', 'Agent 10', 'Diane Faure', 'élodie Martin', 'Émilie Roux', 'Yanis Bernard', 'Zoé Petit',
    ]);
  });

  it('sorts the same way for an English reader and leaves the list untouched', () => {
    const shown = byName(people, (p) => p, 'en');
    expect(shown.indexOf('Émilie Roux')).toBeLessThan(shown.indexOf('Yanis Bernard'));
    expect(people[0]).toBe('Yanis Bernard');
  });
});
