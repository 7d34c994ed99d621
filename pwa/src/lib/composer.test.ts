import { describe, expect, it } from 'vitest';
import { MAX_POST_LENGTH, bodyForKind, checkComposer, countCharacters } from './composer';

const template = 'Contexte : …\nCe que nous avons fait : …\nRésultat : …';

describe('countCharacters', () => {
  it('counts an emoji as one character, like the server', () => {
    expect(countCharacters('Vente 🎉')).toBe(7);
    expect('Vente 🎉'.length).toBe(8);
  });
});

describe('checkComposer', () => {
  it('refuses an empty or blank message', () => {
    expect(checkComposer('', '').canSubmit).toBe(false);
    expect(checkComposer('  \n ', '').canSubmit).toBe(false);
  });

  it('accepts exactly the maximum and refuses one more', () => {
    const atLimit = checkComposer('a'.repeat(MAX_POST_LENGTH), '');
    expect(atLimit).toMatchObject({ count: 2000, remaining: 0, overLimit: false, canSubmit: true });
    const over = checkComposer('a'.repeat(MAX_POST_LENGTH + 1), '');
    expect(over).toMatchObject({ remaining: -1, overLimit: true, canSubmit: false });
  });

  it('refuses the best-practice template left as it is', () => {
    expect(checkComposer(`${template}\n`, template).canSubmit).toBe(false);
    expect(checkComposer(template.replace('Résultat : …', 'Résultat : +20 % de ventes'), template).canSubmit).toBe(true);
  });
});

describe('bodyForKind', () => {
  it('prefills the template when switching an empty composer to best practice', () => {
    expect(bodyForKind('', 'BEST_PRACTICE', template)).toBe(template);
  });

  it('never overwrites what the seller typed', () => {
    expect(bodyForKind('Déjà écrit', 'BEST_PRACTICE', template)).toBe('Déjà écrit');
    expect(bodyForKind('Déjà écrit', 'WIN', template)).toBe('Déjà écrit');
  });

  it('removes the untouched template when switching back to a win', () => {
    expect(bodyForKind(template, 'WIN', template)).toBe('');
  });
});

describe('mentions and tags while typing', () => {
  it('finds the token at the end and completes it', async () => {
    const { typedToken, completeToken } = await import('./composer');
    expect(typedToken('Merci @ju')).toEqual({ sign: '@', text: 'ju' });
    expect(typedToken('Vente #finan')).toEqual({ sign: '#', text: 'finan' });
    expect(typedToken('Vente signée')).toBeNull();
    expect(typedToken('mail@exemple')).toBeNull();
    expect(completeToken('Merci @ju', '@', 'Julie Moreau')).toBe('Merci @Julie Moreau ');
    expect(completeToken('Top #fin', '#', 'financement')).toBe('Top #financement ');
  });
});
