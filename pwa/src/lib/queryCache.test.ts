import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from './offlineCache';
import { cacheKey, QueryCache } from './queryCache';

function memoryStore(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('cache keys', () => {
  it('name the operation and its variables, whatever their order, without the undefined ones', () => {
    expect(cacheKey('Challenge', { id: '7', league: undefined })).toBe(cacheKey('Challenge', { id: '7' }));
    expect(cacheKey('Feed', { first: 20, filter: { kind: 'WIN', tag: null } })).toBe(
      cacheKey('Feed', { filter: { tag: null, kind: 'WIN' }, first: 20 }),
    );
    expect(cacheKey('Challenge', { id: '7' })).not.toBe(cacheKey('Challenge', { id: '8' }));
    expect(cacheKey('Me', undefined)).toBe(cacheKey('Me', {}));
  });
});

describe('the query cache', () => {
  it('gives back what was written with its time, and tells the screens that watch it', () => {
    // given a screen watching the challenge list
    const cache = new QueryCache();
    const seen: unknown[] = [];
    const stop = cache.watch('Challenges:{}', (result) => seen.push(result.data));
    // when another screen writes it
    cache.write('Challenges:{}', { challenges: [1] }, { savedAt: new Date('2026-05-04T10:00:00Z') });
    stop();
    cache.write('Challenges:{}', { challenges: [2] });
    // then it is read back with its time, and the watcher heard the first write only
    expect(cache.read('Challenges:{}')?.data).toEqual({ challenges: [2] });
    expect(seen).toEqual([{ challenges: [1] }]);
    expect(cache.read('Other:{}')).toBeNull();
  });

  it('keeps on the device only what a screen asks to keep, and reads it after a restart', () => {
    // given a kept answer and a memory-only one
    const store = memoryStore();
    const before = new QueryCache(() => store);
    before.write('Challenge:{"id":"7"}', { challenge: { id: '7' } }, { keep: true, savedAt: new Date('2026-05-04T10:00:00Z') });
    before.write('Badges:{}', { badges: [] });
    // when the app starts again
    const after = new QueryCache(() => store);
    // then the kept one is there with the time it was read, the other is not
    expect(after.read('Challenge:{"id":"7"}')).toEqual({ data: { challenge: { id: '7' } }, savedAt: '2026-05-04T10:00:00.000Z' });
    expect(after.read('Badges:{}')).toBeNull();
  });

  it('forgets everything on sign-out, on the device too', () => {
    const store = memoryStore();
    const cache = new QueryCache(() => store);
    cache.write('Challenge:{"id":"7"}', { challenge: null }, { keep: true });
    cache.write('Badges:{}', { badges: [] });
    store.setItem('elan.viewer.v1', '{}');
    cache.clear();
    expect(cache.read('Challenge:{"id":"7"}')).toBeNull();
    expect(cache.read('Badges:{}')).toBeNull();
    // what is not the cache's stays
    expect([...store.items.keys()]).toEqual(['elan.viewer.v1']);
  });

  it('keeps at most thirty answers on the device, the newest', () => {
    const store = memoryStore();
    const cache = new QueryCache(() => store);
    for (let n = 0; n < 35; n += 1) cache.write(`Challenge:${n}`, { n }, { keep: true });
    const restarted = new QueryCache(() => store);
    expect(restarted.read('Challenge:34')?.data).toEqual({ n: 34 });
    expect(restarted.read('Challenge:5')?.data).toEqual({ n: 5 });
    expect(restarted.read('Challenge:4')).toBeNull();
  });

  it('reads an unreadable kept copy as nothing', () => {
    const store = memoryStore();
    store.setItem('elan.query.v1:Me:{}', '{not json');
    expect(new QueryCache(() => store).read('Me:{}')).toBeNull();
  });
});
