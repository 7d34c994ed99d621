import { describe, expect, it } from 'vitest';
import { chooseLanguage, createTranslator, keepTogether } from './i18n';
import fr from '../i18n/fr.json';
import en from '../i18n/en.json';

describe('chooseLanguage', () => {
  it('defaults to French when nothing is known or supported', () => {
    expect(chooseLanguage(undefined)).toBe('fr');
    expect(chooseLanguage([])).toBe('fr');
    expect(chooseLanguage(['de-DE', 'it'])).toBe('fr');
  });

  it('picks English when the browser prefers it to French', () => {
    expect(chooseLanguage(['en-GB', 'fr-FR'])).toBe('en');
    expect(chooseLanguage(['de-CH', 'en_US'])).toBe('en');
  });

  it('keeps French when French comes first', () => {
    expect(chooseLanguage(['fr-BE', 'en'])).toBe('fr');
    expect(chooseLanguage(['FR'])).toBe('fr');
  });
});

describe('createTranslator', () => {
  const catalogue = {
    greeting: 'Bonjour {name}',
    posts: { one: '{count} nouvelle publication', other: '{count} nouvelles publications' },
    likes: { zero: 'Aucun j’aime', one: '{count} j’aime', other: '{count} j’aime' },
  };

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('fr', catalogue);
    expect(t('greeting', { name: 'Inès' })).toBe('Bonjour Inès');
    expect(t('greeting')).toBe('Bonjour {name}');
  });

  it('uses French plural rules: 0 and 1 are singular', () => {
    const t = createTranslator('fr', catalogue);
    expect(t('posts', { count: 0 })).toBe('0 nouvelle publication');
    expect(t('posts', { count: 1 })).toBe('1 nouvelle publication');
    expect(t('posts', { count: 3 })).toBe('3 nouvelles publications');
  });

  it('uses English plural rules: 0 is plural', () => {
    const t = createTranslator('en', { posts: { one: '{count} new post', other: '{count} new posts' } });
    expect(t('posts', { count: 0 })).toBe('0 new posts');
    expect(t('posts', { count: 1 })).toBe('1 new post');
    expect(t('posts', { count: 2 })).toBe('2 new posts');
  });

  it('prefers an explicit zero form and formats numbers for the language', () => {
    const t = createTranslator('fr', catalogue);
    expect(t('likes', { count: 0 })).toBe('Aucun j’aime');
    expect(t('likes', { count: 12345 })).toBe(`${new Intl.NumberFormat('fr').format(12345)} j’aime`);
    // French "many" (millions) falls back to "other" when the catalogue has no such form.
    expect(t('posts', { count: 1_000_000 })).toMatch(/nouvelles publications$/);
  });

  it('falls back to the reference catalogue, then to the key', () => {
    const t = createTranslator('en', {}, { greeting: 'Bonjour {name}' });
    expect(t('greeting', { name: 'Sam' })).toBe('Bonjour Sam');
    expect(t('missing.key')).toBe('missing.key');
  });
});

describe('catalogues', () => {
  it('English has exactly the keys of French, with the same placeholders and plural shape', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const placeholders = (entry: unknown) => [...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(typeof en[key], key).toBe(typeof fr[key]);
      expect(new Set(placeholders(en[key])), key).toEqual(new Set(placeholders(fr[key])));
    }
  });

  it('says "Publier" on the composer button and "Réussite" / "Bonne pratique" on chips', () => {
    const t = createTranslator('fr', fr);
    expect(t('composer.submit')).toBe('Publier');
    expect(t('post.kind.WIN')).toBe('Réussite');
    expect(t('post.kind.BEST_PRACTICE')).toBe('Bonne pratique');
    expect(t('feed.newPosts', { count: 3 })).toBe('3 nouvelles publications');
  });
});

describe('keepTogether', () => {
  it('never lets « » or high punctuation start a line in French', () => {
    const say = createTranslator('fr', { quoted: 'Le challenge « {name} » commence !' });
    expect(say('quoted', { name: 'Printemps' })).toBe('Le challenge «\u00a0Printemps\u00a0» commence\u00a0!');
    expect(keepTogether('Podium: 1st')).toBe('Podium: 1st');
  });
});
