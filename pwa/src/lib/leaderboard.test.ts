import { describe, expect, it } from 'vitest';
import {
  applyEvent, EMPTY_BOARD, movementOf, myRankAfter, ordinal, podiumSplit, raceProgress, rankText, ringDash, sharedRanks, tvPage,
  type BoardEvent, type BoardRow,
} from './leaderboard';

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
    const moved = applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('d', 2, 98.5), previousRank: 4, previousScore: 96 }] });
    expect(moved.needsSnapshot).toBe(false);
    expect(moved.board.rows.map((r) => [r.participantId, r.rank])).toEqual([['a', 1], ['d', 2], ['b', 3], ['c', 4]]);
  });

  it('puts a row reaching a score level with the others, sharing their rank', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    const moved = applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('d', 2, 98), previousRank: 4, previousScore: 96 }] });
    expect(moved.board.rows.map((r) => [r.participantId, r.rank, r.tied])).toEqual(
      [['a', 1, false], ['b', 2, true], ['d', 2, true], ['c', 4, false]]);
  });

  it('brings in a row from below the window and drops the last one', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    const moved = applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('z', 1, 200), previousRank: 40 }] });
    expect(moved.board.rows.map((r) => r.participantId)).toEqual(['z', 'a', 'b', 'c']);
  });

  it('moves a row down and lets the others up', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    const moved = applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('a', 3, 96.5), previousRank: 1, previousScore: 99 }] });
    expect(moved.board.rows.map((r) => [r.participantId, r.rank])).toEqual([['b', 1], ['c', 2], ['a', 3], ['d', 4]]);
  });

  it('asks for a snapshot when a mover ranks where the window cannot place it', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    expect(applyEvent(board, { type: 'ROWS', version: 5, league: '', rows: [{ ...row('z', 2, 200) }] }).needsSnapshot).toBe(true);
  });

  it('asks for a snapshot on a gap or a reset, and ignores what it already has', () => {
    const { board } = applyEvent(EMPTY_BOARD, snapshot);
    expect(applyEvent(board, { type: 'ROWS', version: 7, league: '', rows: [] }).needsSnapshot).toBe(true);
    expect(applyEvent(board, { type: 'RESET', version: 5, league: '', rows: [] }).needsSnapshot).toBe(true);
    expect(applyEvent(board, { type: 'ROWS', version: 3, league: '', rows: [] }).board).toBe(board);
  });
});

describe('sharedRanks', () => {
  it('gives equal scores one rank and skips the places they take (1, 2, 2, 4)', () => {
    const ranked = sharedRanks([{ score: 50 }, { score: 47.5 }, { score: 47.5 }, { score: 40 }]);
    expect(ranked.map((r) => [r.rank, r.tied])).toEqual([[1, false], [2, true], [2, true], [4, false]]);
  });
});

describe('myRankAfter', () => {
  const event = (mover: BoardRow): BoardEvent => ({ type: 'ROWS', version: 1, league: '', rows: [mover] });
  const me = { rank: 5, score: 40 };
  it('follows my own move', () => {
    expect(myRankAfter(me, 'me', event({ ...row('me', 2), score: 70 }))).toEqual({ rank: 2, score: 70 });
  });
  it('counts one who passes me, and not one who only levels with me', () => {
    expect(myRankAfter(me, 'me', event({ ...row('x', 3, 45), previousScore: 30 })).rank).toBe(6);
    expect(myRankAfter(me, 'me', event({ ...row('x', 5, 40), previousScore: 30 })).rank).toBe(5);
  });
  it('lets me up when one above falls to my level or below, and ignores moves above me', () => {
    expect(myRankAfter(me, 'me', event({ ...row('x', 5, 40), previousScore: 60 })).rank).toBe(4);
    expect(myRankAfter(me, 'me', event({ ...row('x', 1, 90), previousScore: 60 })).rank).toBe(5);
    expect(myRankAfter(me, 'me', event({ ...row('x', 1, 90), previousScore: null })).rank).toBe(6);
  });
});

describe('rankText, raceProgress, podiumSplit, movementOf', () => {
  it('says a shared rank with « ex aequo »', () => {
    expect([rankText(2, true, 'fr'), rankText(1, false, 'fr'), rankText(2, true, 'en'), rankText(3, false, 'en')]).toEqual(
      ['2e ex aequo', '1er', '2nd (tied)', '3rd']);
  });
  it('measures a race to its target', () => {
    expect(raceProgress(40, 80)).toEqual({ share: 0.5, reached: false, remaining: 40 });
    expect(raceProgress(90, 80)).toEqual({ share: 1, reached: true, remaining: 0 });
    expect(raceProgress(5, 0)).toEqual({ share: 0, reached: false, remaining: 0 });
  });
  it('puts ranks 1 to 3 on the podium, ties included, three faces at most', () => {
    const rows = sharedRanks([{ score: 9 }, { score: 9 }, { score: 7 }, { score: 7 }, { score: 1 }]);
    expect(podiumSplit(rows).podium.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(podiumSplit(rows).rest.map((r) => r.rank)).toEqual([3, 5]);
    expect(podiumSplit(sharedRanks([{ score: 0 }, { score: 0 }])).podium).toEqual([]);
  });
  it('tells the arrow from the rank before', () => {
    expect([movementOf({ rank: 2, previousRank: 4 }), movementOf({ rank: 4, previousRank: 2 }), movementOf({ rank: 3 })]).toEqual(
      ['up', 'down', 'same']);
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
