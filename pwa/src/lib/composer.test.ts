import { describe, expect, it } from 'vitest';
import { bodyForKind, checkComposer, composerProblem, countCharacters, MAX_POST_LENGTH, postInput } from './composer';

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

describe('what the composer refuses to publish', () => {
  it('names the problem: too long (by how much), empty, or the template left as it is', () => {
    const template = 'Contexte :';
    const long = 'x'.repeat(2003);
    expect(composerProblem(checkComposer(long, ''), long)).toEqual({ key: 'composer.tooLong', count: 3 });
    expect(composerProblem(checkComposer('  ', ''), '  ')).toEqual({ key: 'composer.emptyBody' });
    expect(composerProblem(checkComposer(template, template), template)).toEqual({ key: 'composer.untouchedTemplate' });
    expect(composerProblem(checkComposer('Vendu !', ''), 'Vendu !')).toBeNull();
  });
});

describe('the post a draft makes', () => {
  it('keeps a figure and product for a win only, trimmed, and mentions only who is still named', () => {
    // given a win naming Julie but no longer Paul, both picked from the suggestions
    const draft = {
      kind: 'WIN' as const,
      body: ' Vendu avec @Julie Moreau ! ',
      audience: 'REGION' as const,
      figure: ' 3 utilitaires ',
      product: '',
      mentions: [
        { id: '7', name: 'Julie Moreau' },
        { id: '8', name: 'Paul Roux' },
      ],
    };
    // then
    expect(postInput(draft, 'key-1')).toEqual({
      kind: 'WIN',
      body: 'Vendu avec @Julie Moreau !',
      idempotencyKey: 'key-1',
      audience: 'REGION',
      figure: '3 utilitaires',
      product: null,
      mentionIds: ['7'],
    });
    expect(postInput({ ...draft, kind: 'BEST_PRACTICE' }, 'key-2')).toMatchObject({ figure: null, product: null });
  });
});
