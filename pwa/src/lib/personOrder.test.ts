import { describe, expect, it } from 'vitest';
import { byName } from './personOrder';

describe('people in alphabetical order', () => {
  it('puts accented initials with their letter, in French and English', () => {
    const people = ['Yanis Robin', 'Émilie Roux', 'eddy Martin', 'Élodie Roussel', 'Zoé Blanc', 'Agathe Chevalier'].map((displayName) => ({ displayName }));
    const expected = ['Agathe Chevalier', 'eddy Martin', 'Élodie Roussel', 'Émilie Roux', 'Yanis Robin', 'Zoé Blanc'];
    expect(byName(people, 'fr').map((p) => p.displayName)).toEqual(expected);
    expect(byName(people, 'en').map((p) => p.displayName)).toEqual(expected);
  });
});
