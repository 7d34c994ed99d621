import { describe, expect, it } from 'vitest';
import { isAlreadyOnScreen, readPayload, safeLink, windowForTap } from './pushLogic';

const ORIGIN = 'https://elan.example';

describe('readPayload', () => {
  it('keeps the server text, link, tag and language', () => {
    const payload = readPayload(
      { id: 4, kind: 'RANK_OVERTAKEN', title: 'Classement', body: 'Thomas vous dépasse', link: '/challenges/7', tag: 'rank-7', lang: 'fr' },
      'en-GB',
    );
    expect(payload).toMatchObject({ title: 'Classement', body: 'Thomas vous dépasse', link: '/challenges/7', tag: 'rank-7', lang: 'fr' });
    expect(payload.icon).toBe('/icon-192.png');
    expect(payload.badge).toBe('/badge-72.png');
  });

  it('falls back to a text in the browser language when the payload is empty', () => {
    expect(readPayload(null, 'en-US').body).toBe('Something new is waiting for you in Élan.');
    expect(readPayload(undefined, 'fr-FR').body).toBe('Du nouveau vous attend dans Élan.');
  });

  it('never links outside the app', () => {
    expect(safeLink('https://evil.example/')).toBe('/');
    expect(safeLink('//evil.example/')).toBe('/');
    expect(safeLink('/\\evil.example')).toBe('/');
    expect(readPayload({ link: 'javascript:alert(1)' }, 'fr').link).toBe('/');
  });
});

describe('isAlreadyOnScreen', () => {
  it('is true only for a focused, visible window on that very screen', () => {
    const on = { url: `${ORIGIN}/challenges/7`, focused: true, visibilityState: 'visible' };
    expect(isAlreadyOnScreen([on], '/challenges/7', ORIGIN)).toBe(true);
    expect(isAlreadyOnScreen([{ ...on, focused: false }], '/challenges/7', ORIGIN)).toBe(false);
    expect(isAlreadyOnScreen([{ ...on, visibilityState: 'hidden' }], '/challenges/7', ORIGIN)).toBe(false);
    expect(isAlreadyOnScreen([on], '/challenges/8', ORIGIN)).toBe(false);
  });
});

describe('windowForTap', () => {
  const feed = { url: `${ORIGIN}/`, focused: false, visibilityState: 'hidden' };
  const board = { url: `${ORIGIN}/challenges/7`, focused: false, visibilityState: 'hidden' };

  it('uses a window already on the screen as it is', () => {
    expect(windowForTap([feed, board], '/challenges/7', ORIGIN)).toEqual({ window: board, navigate: false });
  });

  it('moves another window of the app to the screen', () => {
    expect(windowForTap([feed], '/challenges/7', ORIGIN)).toEqual({ window: feed, navigate: true });
  });

  it('opens a new window when the app is not open', () => {
    expect(windowForTap([], '/challenges/7', ORIGIN)).toBeNull();
  });
});
