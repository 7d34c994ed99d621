import { describe, expect, it } from 'vitest';
import { applyEvent, EMPTY_BOARD, myRankAfter, ordinal, ringDash, tvPage, type BoardEvent, type BoardRow } from './leaderboard';

const row = (id: string, rank: number, score = 100 - rank): BoardRow => ({
  participantId: id, rank, displayName: `P${id}`, unitName: 'Lille', score, thresholdsReached: 0,
});
const snapshot: BoardEvent = { type: 'SNAPSHOT', version: 4, league: '', rows: [row('a', 1), row('b', 2), row('c', 3), row('d', 4)] };

describe('applyEvent', () => {
  it('takes a snapshot as it is', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    expect(board.version).toBe(4);
    expect(board.rows.map((r) => r.participantId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves a row up and shifts the ones it passed', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    const moved = applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('d', 2, 99), previousRank: 4 }] });
    expect(moved.needsSnapshot).toBe(false);
    expect(moved.board.rows.map((r) => [r.participantId, r.rank])).toEqual([['a', 1], ['d', 2], ['b', 3], ['c', 4]]);
  });

  it('brings in a row from below the window and drops the last one', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    const moved = applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('z', 1, 200), previousRank: 40 }] });
    expect(moved.board.rows.map((r) => r.participantId)).toEqual(['z', 'a', 'b', 'c']);
  });

  it('moves a row down and lets the others up', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    const moved = applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('a', 3, 1), previousRank: 1 }] });
    expect(moved.board.rows.map((r) => [r.participantId, r.rank])).toEqual([['b', 1], ['c', 2], ['a', 3], ['d', 4]]);
  });

  it('asks for a snapshot on a gap or a reset, and ignores what it already has', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    expect(applyEvent(board, { type: 'ROWS', version: 7, league: '', rows: [] }).needsSnapshot).toBe(true);
    expect(applyEvent(board, { type: 'RESET', version: 5, league: '', rows: [] }).needsSnapshot).toBe(true);
    expect(applyEvent(board, { type: 'ROWS', version: 3, league: '', rows: [] }).board).toBe(board);
  });
});

describe('myRankAfter', () => {
  it('follows my own move, and those who pass me or fall behind me', () => {
    expect(myRankAfter(5, 'me', { type: 'ROWS', version: 1, league: '', rows: [{ ...row('me', 2), previousRank: 5 }] })).toBe(2);
    expect(myRankAfter(5, 'me', { type: 'ROWS', version: 1, league: '', rows: [{ ...row('x', 3), previousRank: 9 }] })).toBe(6);
    expect(myRankAfter(5, 'me', { type: 'ROWS', version: 1, league: '', rows: [{ ...row('x', 8), previousRank: 2 }] })).toBe(4);
    expect(myRankAfter(5, 'me', { type: 'ROWS', version: 1, league: '', rows: [{ ...row('x', 1), previousRank: 3 }] })).toBe(5);
  });
});

describe('ordinal, ringDash, tvPage', () => {
  it('says ranks as people do', () => {
    expect([ordinal(1, 'fr'), ordinal(2, 'fr'), ordinal(1, 'en'), ordinal(2, 'en'), ordinal(13, 'en'), ordinal(23, 'en')]).toEqual(
      ['1er', '2e', '1st', '2nd', '13th', '23rd']);
  });

  it('fills the ring up to one turn', () => {
    expect(ringDash(50, 100, 10).filled).toBeCloseTo(Math.PI * 10);
    expect(ringDash(150, 100, 10).filled).toBeCloseTo(ringDash(150, 100, 10).circumference);
    expect(ringDash(10, 0, 10).filled).toBe(0);
  });

  it('cycles through pages', () => {
    expect(tvPage([1, 2, 3, 4, 5], 0, 2)).toEqual({ rows: [1, 2], page: 0, pages: 3 });
    expect(tvPage([1, 2, 3, 4, 5], 3, 2)).toEqual({ rows: [1, 2], page: 0, pages: 3 });
    expect(tvPage([], 1, 2)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});
