import { describe, expect, it } from 'vitest';
import { celebrationKind, celebrationLine, groupFeed } from './celebrations';

const post = (id: string, kind: string, body: string, systemKind?: string) => ({ id, kind, body, systemKind });

describe('celebration cards', () => {
  it('folds consecutive automatic posts of the same kind, never across a colleague’s post', () => {
    const items = groupFeed([
      post('1', 'SYSTEM', '🏅 Inès Martin reçoit le badge « Premier pas ».'),
      post('2', 'SYSTEM', '🚀 Paul Durand reçoit le badge « Fusée ».'),
      post('3', 'SYSTEM', 'Sarah François entre dans le top 3 du challenge « Hiver » (2e) !'),
      post('4', 'WIN', 'Trois contrats signés'),
      post('5', 'SYSTEM', '🏅 Yanis Benali reçoit le badge « Premier pas ».'),
    ]);
    expect(items.map((item) => (item.type === 'post' ? item.post.id : `${item.kind}:${item.posts.map((p) => p.id).join('+')}`))).toEqual([
      'badge:1+2',
      'podium:3',
      '4',
      'badge:5',
    ]);
  });

  it('prefers the kind the server stored over the words of the text', () => {
    expect(celebrationKind(post('1', 'SYSTEM', 'Élodie gets the “Rocket” badge', 'CHALLENGE_PODIUM'))).toBe('podium');
    expect(celebrationKind(post('1', 'SYSTEM', 'x', 'LABEL_AWARDED'))).toBe('label');
    expect(celebrationKind(post('1', 'SYSTEM', '🎖️ Inès obtient le label « Conseil » – niveau Or.'))).toBe('label');
    expect(celebrationKind(post('1', 'SYSTEM', 'Bonjour'))).toBe('other');
  });

  it('takes the badge’s emoji as the art and keeps the first line as the text', () => {
    expect(celebrationLine(post('1', 'SYSTEM', '🎖️ Inès obtient le label « Conseil ».\nPour son accueil'))).toEqual({
      emoji: '🎖️',
      text: 'Inès obtient le label « Conseil ».',
    });
    expect(celebrationLine(post('1', 'SYSTEM', 'Challenge « Hiver » terminé !'))).toEqual({ emoji: null, text: 'Challenge « Hiver » terminé !' });
  });
});
