import { describe, expect, it } from 'vitest';
import { avatarHue, initialsOf } from './avatar';

describe('initialsOf', () => {
  it('takes the first letters of the first two words, accents kept', () => {
    expect(initialsOf('Élodie Martin-Dupuis')).toBe('ÉM');
    expect(initialsOf('jean-paul')).toBe('JP');
    expect(initialsOf('Yanis')).toBe('Y');
  });
  it('says « ? » for a name without letters', () => {
    expect(initialsOf('  ')).toBe('?');
    expect(initialsOf('— ')).toBe('?');
  });
});

describe('avatarHue', () => {
  it('is the same for the same name whatever the case or surrounding spaces', () => {
    expect(avatarHue('Inès Martin')).toBe(avatarHue(' inès martin '));
  });
  it('spreads different names over the colour wheel', () => {
    const hues = new Set(['Inès Martin', 'Paul Durand', 'Sarah François', 'Yanis Benali', 'Émilie Roux'].map(avatarHue));
    expect(hues.size).toBe(5);
    for (const hue of hues) expect(hue).toBeGreaterThanOrEqual(0), expect(hue).toBeLessThan(360);
  });
});
