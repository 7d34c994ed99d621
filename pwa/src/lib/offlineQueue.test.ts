import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_MS,
  dismissRefusal,
  enqueue,
  flushOutbox,
  openOutboxTable,
  pendingComments,
  pendingLike,
  refusedActions,
  waitingActions,
  type OutboxTable,
  type QueuedAction,
  type SendAction,
  type SendResult,
} from './offlineQueue';

const at = '2026-11-27T08:00:00Z';
const JULIE = '12';
const like = (postId: string, liked: boolean, key = `l-${postId}-${liked}`): QueuedAction => ({ kind: 'like', key, postId, liked, at });
const comment = (key: string, body = 'Bravo'): QueuedAction => ({ kind: 'comment', key, postId: '7', body, at });
const post = (key: string, photos: Blob[] = []): QueuedAction => ({
  kind: 'post',
  key,
  input: { kind: 'WIN', body: 'Trois contrats signés', idempotencyKey: key },
  photos: photos.map((blob, n) => ({ blob, name: `photo-${n}.jpg`, mediaId: null })),
  at,
});

/** Each test gets its own browser profile: a fresh IndexedDB. */
function device(): { open: () => Promise<OutboxTable> } {
  const factory = new IDBFactory();
  return { open: () => openOutboxTable(factory) };
}

/** A server that records what it received and answers `reply` (sent by default). */
function server(reply: (action: QueuedAction) => SendResult | Promise<SendResult> = () => ({ outcome: 'sent' })) {
  const received: string[] = [];
  const send: SendAction = async (action) => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    const result = await reply(action);
    if (result.outcome === 'sent') received.push(action.key);
    return result;
  };
  return { received, send };
}

describe('offline queue in IndexedDB', () => {
  it('survives closing the app: a new connection finds the actions and the photos', async () => {
    // given actions queued by one page
    const phone = device();
    const page = await phone.open();
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    await enqueue(page, JULIE, like('7', true));
    await enqueue(page, JULIE, comment('c1'));
    await enqueue(page, JULIE, post('p1', [photo]));

    // when the app is opened again (or the service worker opens the database)
    const reopened = await phone.open();
    const waiting = await waitingActions(reopened, JULIE);

    // then everything is there, in order, with the photo's bytes
    expect(waiting.map((action) => action.key)).toEqual(['l-7-true', 'c1', 'p1']);
    const kept = waiting[2];
    expect(kept?.kind === 'post' && kept.photos?.[0]?.blob.size).toBe(3);
    expect(await waitingActions(reopened, 'someone else')).toEqual([]);
  });

  it('keeps only the last like tap of a post and never queues a key twice', async () => {
    const table = await device().open();
    await enqueue(table, JULIE, like('7', true));
    await enqueue(table, JULIE, comment('c1'));
    await enqueue(table, JULIE, like('7', false));
    expect(await enqueue(table, JULIE, comment('c1'))).toBe(false);
    const waiting = await waitingActions(table, JULIE);
    expect(waiting.map((action) => action.kind)).toEqual(['comment', 'like']);
    expect(pendingLike(waiting, '7')).toBe(false);
    expect(pendingLike(waiting, '8')).toBeUndefined();
    expect(pendingComments(waiting, '7')).toHaveLength(1);
  });

  it('the page and the service worker flushing at once send each action exactly once', async () => {
    // given ten actions, and two senders on two connections (a page and the worker)
    const phone = device();
    const page = await phone.open();
    const worker = await phone.open();
    for (let n = 0; n < 10; n++) await enqueue(page, JULIE, comment(`c${n}`, `Commentaire ${n}`));
    const { received, send } = server();

    // when both flush at the same time
    const ends = await Promise.all([flushOutbox(page, JULIE, 'page', send), flushOutbox(worker, JULIE, 'worker', send)]);

    // then every action reached the server once, in order, and the queue is empty
    expect([...received].sort()).toEqual(Array.from({ length: 10 }, (_, n) => `c${n}`).sort());
    expect(new Set(received).size).toBe(10);
    expect(ends).toContain('empty');
    expect(await waitingActions(page, JULIE)).toEqual([]);
  });

  it('leaves an action claimed by another sender alone until its claim runs out', async () => {
    const table = await device().open();
    await enqueue(table, JULIE, comment('c1'));
    let now = 1_000_000;
    const { received, send } = server();
    // the worker claimed it and was stopped half-way (the browser killed it)
    const stalled: SendAction = () => new Promise(() => undefined);
    void flushOutbox(table, JULIE, 'worker', stalled, undefined, () => now);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await flushOutbox(table, JULIE, 'page', send, undefined, () => now)).toBe('busy');
    now += CLAIM_MS + 1;
    expect(await flushOutbox(table, JULIE, 'page', send, undefined, () => now)).toBe('empty');
    expect(received).toEqual(['c1']);
  });

  it('an action refused for good leaves the queue and stays only to say why', async () => {
    // given a comment on a post deleted meanwhile, then a like that will go
    const table = await device().open();
    await enqueue(table, JULIE, post('p1', [new Blob(['x'])]));
    await enqueue(table, JULIE, like('9', true));
    const { received, send } = server((action) =>
      action.kind === 'post'
        ? { outcome: 'refused', code: 'post_kind_not_allowed', message: 'Ce type de publication est réservé aux managers.' }
        : { outcome: 'sent' },
    );

    // when the outbox is sent
    expect(await flushOutbox(table, JULIE, 'page', send)).toBe('empty');

    // then the like went, the post is out of the queue, kept as a refusal without its photos
    expect(received).toEqual(['l-9-true']);
    expect(await waitingActions(table, JULIE)).toEqual([]);
    const [refusal] = await refusedActions(table, JULIE);
    expect(refusal?.refused?.code).toBe('post_kind_not_allowed');
    expect(refusal?.refused?.message).toContain('réservé');
    expect(refusal?.action.kind === 'post' && refusal.action.photos).toEqual([]);

    // and once read, it is gone
    await dismissRefusal(table, 'p1');
    expect(await refusedActions(table, JULIE)).toEqual([]);
  });

  it('a busy server pushes the action back with a growing delay, holding the order', async () => {
    const table = await device().open();
    await enqueue(table, JULIE, comment('c1'));
    await enqueue(table, JULIE, comment('c2'));
    let now = 5_000_000;
    let busy = true;
    const { received, send } = server(() => (busy ? { outcome: 'transient', retryAfterMs: 30_000 } : { outcome: 'sent' }));

    expect(await flushOutbox(table, JULIE, 'page', send, undefined, () => now)).toBe('later');
    now += 10_000;
    expect(await flushOutbox(table, JULIE, 'page', send, undefined, () => now)).toBe('later');
    busy = false;
    now += 25_000;
    expect(await flushOutbox(table, JULIE, 'page', send, undefined, () => now)).toBe('empty');
    expect(received).toEqual(['c1', 'c2']);
  });

  it('without a network nothing is lost and nothing is delayed once it is back', async () => {
    const table = await device().open();
    await enqueue(table, JULIE, comment('c1'));
    let online = false;
    const { received, send } = server(() => (online ? { outcome: 'sent' } : { outcome: 'offline' }));
    expect(await flushOutbox(table, JULIE, 'page', send)).toBe('offline');
    expect(await waitingActions(table, JULIE)).toHaveLength(1);
    online = true;
    expect(await flushOutbox(table, JULIE, 'page', send)).toBe('empty');
    expect(received).toEqual(['c1']);
  });

  it('a photo uploaded before the network dropped is not uploaded again', async () => {
    // given a post with two photos; the network drops after the first upload
    const table = await device().open();
    await enqueue(table, JULIE, post('p1', [new Blob(['a']), new Blob(['b'])]));
    const uploads: number[] = [];
    let online = true;
    const send: SendAction = async (action, uploaded) => {
      if (action.kind !== 'post') return { outcome: 'sent' };
      for (const [index, photo] of (action.photos ?? []).entries()) {
        if (photo.mediaId) continue;
        if (!online) return { outcome: 'offline' };
        uploads.push(index);
        await uploaded(index, `media-${index}`);
        if (index === 0) online = false;
      }
      return { outcome: 'sent' };
    };
    expect(await flushOutbox(table, JULIE, 'page', send)).toBe('offline');
    const [waiting] = await waitingActions(table, JULIE);
    expect(waiting?.kind === 'post' && waiting.photos?.map((photo) => photo.mediaId)).toEqual(['media-0', null]);

    // when the network is back
    online = true;
    expect(await flushOutbox(table, JULIE, 'page', send)).toBe('empty');

    // then each photo went up once
    expect(uploads).toEqual([0, 1]);
  });
});
