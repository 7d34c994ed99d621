import { describe, expect, it } from 'vitest';
import { AROUND_SPAN, neighboursFrom, shownName, type BoardPrivacy } from './boardPrivacy';

const row = (rank: number, displayName: string | null = `Vendeur ${rank}`) => ({ participantId: `p${rank}`, rank, displayName });

describe('shownName', () => {
  it('names everyone when the challenge names everyone', () => {
    const privacy: BoardPrivacy = { topN: null, myRank: 5, neighbours: new Map(), span: AROUND_SPAN };
    expect(shownName(row(40), privacy)).toBe('Vendeur 40');
    expect(shownName(row(40, null), privacy)).toBeNull(); // someone hidden from public screens stays hidden
  });

  it('names the top N and my neighbours, with the names I was given, and no one else', () => {
    const neighbours = neighboursFrom([
      { participantId: 'p3', displayName: 'Léa Garnier', isMe: false },
      { participantId: 'p5', displayName: 'Julie Moreau', isMe: true },
      { participantId: 'p6', displayName: null, isMe: false },
    ]);
    const privacy: BoardPrivacy = { topN: 2, myRank: 5, neighbours, span: AROUND_SPAN };
    const board = [row(1), row(2), row(3, null), row(4, null), row(6, null), row(7, 'Nom diffusé'), row(8)];
    expect(board.map((r) => shownName(r, privacy))).toEqual([
      'Vendeur 1', 'Vendeur 2', 'Léa Garnier', null, null, 'Nom diffusé', null,
    ]);
  });

  it('names only the top N to someone who doesn’t take part', () => {
    const privacy: BoardPrivacy = { topN: 3, myRank: null, neighbours: new Map(), span: AROUND_SPAN };
    expect([row(3), row(4)].map((r) => shownName(r, privacy))).toEqual(['Vendeur 3', null]);
  });
});
