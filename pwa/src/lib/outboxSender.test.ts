import { describe, expect, it } from 'vitest';
import type { QueuedAction } from './offlineQueue';
import { sendQueuedAction, signedInViewer } from './outboxSender';

const at = '2026-11-27T08:00:00Z';
type Answer = { status: number; body: unknown } | 'network down';

/** A fetch that answers in turn and keeps what it was asked. */
function fakeFetch(...answers: Answer[]) {
  const asked: { url: string; body: unknown; credentials: RequestCredentials | undefined }[] = [];
  const fetcher = (async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    asked.push({ url: String(url), body, credentials: init?.credentials });
    const answer = answers.shift() ?? 'network down';
    if (answer === 'network down') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetcher, asked };
}

const comment: QueuedAction = { kind: 'comment', key: 'k-123456789', postId: '7', body: 'Bravo', at };
const noUpload = async () => undefined;

describe('sending a queued action', () => {
  it('sends a comment with its idempotency key and the session cookie', async () => {
    const { fetcher, asked } = fakeFetch({ status: 200, body: { data: { addComment: { __typename: 'AddCommentSuccess' } } } });
    expect(await sendQueuedAction(comment, noUpload, { language: 'fr', fetcher })).toEqual({ outcome: 'sent' });
    expect(asked[0]?.credentials).toBe('same-origin');
    expect(asked[0]?.body).toMatchObject({ variables: { input: { postId: '7', body: 'Bravo', idempotencyKey: 'k-123456789' } } });
  });

  it('tells refusals, rate limits, lost sessions and missing networks apart', async () => {
    const gone = { __typename: 'NotFoundError', code: 'post_not_found', message: 'Cette publication n’existe plus.' };
    const limited = { __typename: 'RateLimitedError', code: 'rate_limited', message: 'Trop vite', retryAfterSeconds: 42 };
    const like: QueuedAction = { kind: 'like', key: 'l1', postId: '9', liked: true, at };
    const cases: [Answer, unknown][] = [
      [{ status: 200, body: { data: { likePost: gone } } }, { outcome: 'refused', code: 'post_not_found', message: gone.message }],
      [{ status: 200, body: { data: { likePost: limited } } }, { outcome: 'transient', retryAfterMs: 42_000 }],
      [{ status: 200, body: { errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] } }, { outcome: 'unauthenticated' }],
      [{ status: 502, body: 'Bad gateway' }, { outcome: 'transient' }],
      ['network down', { outcome: 'offline' }],
    ];
    for (const [answer, expected] of cases) {
      const { fetcher } = fakeFetch(answer);
      expect(await sendQueuedAction(like, noUpload, { language: 'fr', fetcher })).toEqual(expected);
    }
  });

  it('uploads the photos not yet uploaded, then creates the post with all their ids', async () => {
    const post: QueuedAction = {
      kind: 'post',
      key: 'p-123456789',
      input: { kind: 'WIN', body: 'Vitrine', idempotencyKey: 'p-123456789' },
      photos: [
        { blob: new Blob(['a']), name: 'a.jpg', mediaId: '31' },
        { blob: new Blob(['b']), name: 'b.jpg', mediaId: null },
      ],
      at,
    };
    const { fetcher, asked } = fakeFetch(
      { status: 201, body: { id: '32' } },
      { status: 200, body: { data: { createPost: { __typename: 'CreatePostSuccess' } } } },
    );
    const uploaded: [number, string][] = [];
    const result = await sendQueuedAction(post, async (index, id) => void uploaded.push([index, id]), { language: 'fr', fetcher });
    expect(result).toEqual({ outcome: 'sent' });
    expect(asked.map((request) => request.url)).toEqual(['/media', '/graphql']);
    expect(uploaded).toEqual([[1, '32']]);
    expect(asked[1]?.body).toMatchObject({ variables: { input: { imageIds: ['31', '32'], idempotencyKey: 'p-123456789' } } });
  });

  it('a photo the server refuses refuses the post, with the server’s reason', async () => {
    const post: QueuedAction = {
      kind: 'post',
      key: 'p2',
      input: { kind: 'WIN', body: 'Vitrine', idempotencyKey: 'p2' },
      photos: [{ blob: new Blob(['texte']), name: 'a.jpg', mediaId: null }],
      at,
    };
    const { fetcher } = fakeFetch({ status: 422, body: { error: { code: 'image_invalid', message: 'Ce fichier n’est pas une image.' } } });
    expect(await sendQueuedAction(post, noUpload, { language: 'fr', fetcher })).toEqual({
      outcome: 'refused',
      code: 'image_invalid',
      message: 'Ce fichier n’est pas une image.',
    });
  });

  it('asks whose session the cookie carries', async () => {
    expect(await signedInViewer('fr', fakeFetch({ status: 200, body: { data: { me: { id: '12' } } } }).fetcher)).toEqual({ id: '12' });
    expect(await signedInViewer('fr', fakeFetch({ status: 200, body: { data: { me: null } } }).fetcher)).toBeNull();
    expect(await signedInViewer('fr', fakeFetch('network down').fetcher)).toBe('offline');
  });
});
