import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { createTranslator, type Language } from './i18n';
import { NOTIFICATION_KINDS, SYSTEM_POST_KINDS, notificationText, ordinal, readName, systemPostText, type TextRefs } from './systemTexts';

const say = { fr: createTranslator<string>('fr', fr), en: createTranslator<string>('en', en, fr) };
const refs: TextRefs = {
  people: [{ id: '7', name: 'Karim Benali' }, { id: '8', name: 'Élodie Martin' }],
  badges: [{ id: '3', name: 'Roi du financement' }],
  challenges: [{ id: '5', name: 'Printemps des utilitaires' }],
};
const shared = { challengeId: 5, badgeId: 3, rank: 3, module: 'Financement LOA', plan: 'Accueil', grid: 'Vente', expiresAt: '2027-03-01T00:00:00Z' };
const posts: Record<string, Record<string, unknown>> = {
  BADGE_AWARDED: { userId: 7, badgeId: 3, emoji: '🏅', byId: 8, reason: 'Top dossier' },
  LABEL_AWARDED: { userId: 7, badgeId: 3, level: 'Or' },
  TOP_THREE_ENTERED: { userId: 7, challengeId: 5, rank: 2 },
  CHALLENGE_PODIUM: { challengeId: 5, podium: [{ rank: 1, userId: 7 }, { rank: 2, hidden: true }, { rank: 3, name: 'Lyon Est' }] },
  RACE_FINISHED: { challengeId: 5, count: 1200 },
};

function notification(kind: string, language: Language, count = 1, actorIds: number[] = [7]): string {
  return notificationText({ kind, text: 'server', count, params: { ...shared, actorIds }, refs }, say[language], language);
}

/** The fixed words of the French catalogue's sentences that English never uses. */
function frenchWords(): string[] {
  const english = Object.values(en).join(' ');
  return Object.entries(fr)
    .filter(([key]) => key.startsWith('texts.'))
    .flatMap(([, sentence]) => String(sentence).split(/\{\w+\}/))
    .map((piece) => piece.replace(/^[\s.,:!()–]+|[\s.,:!()–]+$/g, ''))
    .filter((piece) => piece.length >= 4 && !english.includes(piece))
    .concat(['«', '»']);
}

describe('every kind in both languages', () => {
  const french = frenchWords();
  it.each([...NOTIFICATION_KINDS])('notification %s', (kind) => {
    for (const language of ['fr', 'en'] as const) {
      for (const count of [1, 2, 5]) {
        const sentence = notification(kind, language, count, count > 1 ? [7, 8] : [7]);
        expect(sentence).not.toMatch(/texts\.|\{|server/);
        if (language === 'en') expect(french.filter((word) => sentence.includes(word))).toEqual([]);
      }
    }
  });

  it.each([...SYSTEM_POST_KINDS])('automatic post %s', (kind) => {
    for (const language of ['fr', 'en'] as const) {
      const sentence = systemPostText({ body: 'stored', systemKind: kind, systemParams: posts[kind], systemRefs: refs }, say[language], language);
      expect(sentence).not.toMatch(/texts\.|\{|stored/);
      if (language === 'en') expect(french.filter((word) => sentence.includes(word))).toEqual([]);
    }
  });
});

describe('notificationText', () => {
  it('names people as they are called now and folds lines', () => {
    expect(notification('DUEL_INVITATION', 'en')).toBe('Karim Benali challenges you to a duel');
    expect(notification('DUEL_INVITATION', 'fr')).toBe('Karim Benali vous défie en duel');
    expect(notification('POST_LIKED', 'en', 2, [7, 8])).toBe('Karim Benali and Élodie Martin like your post');
    expect(notification('POST_LIKED', 'en', 2, [7])).toBe('Karim Benali and one other person like your post');
    expect(notification('POST_LIKED', 'en', 5, [7, 8])).toBe('Karim Benali and 4 others like your post');
    expect(notification('RANK_OVERTAKEN', 'en')).toBe('Karim Benali just overtook you in “Printemps des utilitaires”: you are 3rd');
    expect(notification('LABEL_EXPIRING', 'en')).toBe('Your “Roi du financement” label expires on March 1, 2027');
  });

  it('says « un ancien membre » for an erased person and « un participant » for a hidden one', () => {
    expect(notification('MENTIONED', 'fr', 1, [99])).toBe('Un ancien membre vous a mentionné');
    expect(notification('RANK_OVERTAKEN', 'en', 1, [])).toMatch(/^A participant just overtook you/);
  });

  it('keeps the stored names of old lines and the server text for an unknown kind', () => {
    const old = { kind: 'MENTIONED', text: 'server', count: 1, params: {}, refs, actorNames: ['Julie Moreau'] };
    expect(notificationText(old, say.en, 'en')).toBe('Julie Moreau mentioned you');
    expect(notificationText({ kind: 'SOMETHING_NEW', text: 'server', count: 1, params: {}, refs }, say.en, 'en')).toBe('server');
  });
});

describe('systemPostText', () => {
  it('writes podiums, races and badges with the locale’s numbers and ordinals', () => {
    const write = (kind: string, language: Language) =>
      systemPostText({ body: '', systemKind: kind, systemParams: posts[kind], systemRefs: refs }, say[language], language);
    expect(write('CHALLENGE_PODIUM', 'en')).toBe(
      'The “Printemps des utilitaires” challenge is over! Podium: 1st Karim Benali, 2nd A participant, 3rd Lyon Est. Well done, everyone!',
    );
    expect(write('RACE_FINISHED', 'en')).toContain('1,200 participants reached the target');
    expect(write('RACE_FINISHED', 'fr').replace(/\s/g, ' ')).toContain('1 200 participants ont atteint');
    expect(write('BADGE_AWARDED', 'en')).toBe('🏅 Karim Benali received the “Roi du financement” badge, awarded by Élodie Martin.\nTop dossier');
  });

  it('shows the stored body of a post written before kinds were kept', () => {
    expect(systemPostText({ body: 'Ancien texte', systemKind: null }, say.en, 'en')).toBe('Ancien texte');
  });

  it('writes ordinals per language', () => {
    expect([1, 2, 3, 4, 11, 22].map((n) => ordinal(n, 'en'))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '22nd']);
    expect([1, 2].map((n) => ordinal(n, 'fr'))).toEqual(['1er', '2e']);
  });
});

describe('readName', () => {
  it('writes an erased person marker in the reader language and leaves other names', () => {
    expect(readName('⟦3F2A⟧', say.en)).toBe('Former colleague 3F2A');
    expect(readName('Bravo ⟦3F2A⟧ !', say.fr)).toBe('Bravo Ancien collaborateur 3F2A !');
    expect(readName('Julie Moreau', say.en)).toBe('Julie Moreau');
  });
});
