import { describe, expect, it } from 'vitest';
import { enqueue, flushQueue, loadQueue, pendingComments, pendingLike, saveQueue, type QueuedAction } from './offlineQueue';

const at = '2026-11-27T08:00:00Z';
const like = (postId: string, liked: boolean): QueuedAction => ({ kind: 'like', key: `l-${postId}`, postId, liked, at });
const comment = (key: string, body = 'Bravo'): QueuedAction => ({ kind: 'comment', key, postId: '7', body, at });

function memoryStore() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    data,
  };
}

describe('offline queue', () => {
  it('keeps only the last like tap of a post', () => {
    const queue = enqueue(enqueue(enqueue([], like('7', true)), comment('c1')), like('7', false));
    expect(queue.map((a) => a.kind)).toEqual(['comment', 'like']);
    expect(pendingLike(queue, '7')).toBe(false);
    expect(pendingLike(queue, '8')).toBeUndefined();
  });

  it('never queues the same comment twice', () => {
    const queue = enqueue(enqueue([], comment('c1')), comment('c1'));
    expect(pendingComments(queue, '7')).toHaveLength(1);
  });

  it('survives a restart, per person', () => {
    const store = memoryStore();
    saveQueue(store, 'u1', [comment('c1')]);
    expect(loadQueue(store, 'u1')).toEqual([comment('c1')]);
    expect(loadQueue(store, 'u2')).toEqual([]);
    saveQueue(store, 'u1', []);
    expect(store.data.size).toBe(0);
  });

  it('sends in order and stops at the first that cannot reach the server', async () => {
    const sent: string[] = [];
    const outcomes: Record<string, 'sent' | 'refused' | 'retry'> = { a: 'sent', b: 'refused', c: 'retry', d: 'sent' };
    const remaining = await flushQueue(['a', 'b', 'c', 'd'].map((key) => comment(key)), async (action) => {
      sent.push(action.key);
      return outcomes[action.key] ?? 'sent';
    });
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(remaining.map((a) => a.key)).toEqual(['c', 'd']);
  });

  it('ignores a corrupted copy', () => {
    const store = memoryStore();
    store.setItem('elan.outbox.v1.u1', '{not json');
    expect(loadQueue(store, 'u1')).toEqual([]);
  });
});
