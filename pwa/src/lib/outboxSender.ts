/**
 * Sending one queued action to the server, the same way from the page and
 * from the service worker: a same-origin fetch that carries the HttpOnly
 * session cookie (the app never holds a token, and neither does the worker).
 * Photos of a post go first to `POST /media`; each id is remembered as soon
 * as it comes back, then the post is created with its idempotency key.
 */
import type { QueuedAction, SendResult } from './offlineQueue';
import { requestPayload, type TypedDocument } from '../graphql/document';
import { OutboxCommentDocument, OutboxLikeDocument, OutboxPostDocument, OutboxUnlikeDocument, OutboxViewerDocument } from '../graphql/outbox.generated';

type Fetch = typeof fetch;

/** What sending a queued action needs to know: only whether it went, and why not. */
export interface OutboxReply {
  __typename: string;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
}

/** Either the data, or how the request failed. */
type Reply<TData> = { data: TData } | { failed: SendResult };

const SUCCESS = new Set(['LikePostSuccess', 'AddCommentSuccess', 'CreatePostSuccess']);

async function graphql<TData, TVariables>(
  document: TypedDocument<TData, TVariables>,
  variables: TVariables,
  language: string,
  fetcher: Fetch,
): Promise<Reply<TData>> {
  let response: Response;
  try {
    response = await fetcher('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': language },
      body: JSON.stringify(requestPayload(document, variables)),
    });
  } catch {
    return { failed: { outcome: 'offline' } };
  }
  if (response.status === 401) return { failed: { outcome: 'unauthenticated' } };
  let payload: { data?: TData | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    return { failed: { outcome: 'transient' } };
  }
  const errors = payload.errors ?? [];
  if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) return { failed: { outcome: 'unauthenticated' } };
  if (response.status >= 500) return { failed: { outcome: 'transient' } };
  if (errors.length > 0 || payload.data == null) {
    const message = errors.map((error) => error.message).join('; ') || `HTTP ${response.status}`;
    return { failed: { outcome: 'refused', code: errors[0]?.extensions?.code ?? 'rejected', message } };
  }
  return { data: payload.data };
}

/** A mutation's result union, read as the outbox needs it. */
export function replyOutcome(reply: OutboxReply): SendResult {
  if (SUCCESS.has(reply.__typename)) return { outcome: 'sent' };
  if (reply.__typename === 'RateLimitedError') {
    return { outcome: 'transient', retryAfterMs: (reply.retryAfterSeconds ?? 0) * 1000 };
  }
  return { outcome: 'refused', code: reply.code ?? reply.__typename, message: reply.message ?? reply.__typename };
}

/** `POST /media` for one queued photo: its id, or why it failed. */
export async function uploadQueuedPhoto(blob: Blob, name: string, fetcher: Fetch): Promise<{ id: string } | { failed: SendResult }> {
  const form = new FormData();
  form.append('file', blob, name);
  let response: Response;
  try {
    response = await fetcher('/media', { method: 'POST', credentials: 'same-origin', body: form });
  } catch {
    return { failed: { outcome: 'offline' } };
  }
  if (response.status === 401) return { failed: { outcome: 'unauthenticated' } };
  if (response.status === 429 || response.status >= 500) return { failed: { outcome: 'transient' } };
  let body: { id?: string; error?: { code?: string; message?: string } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    return { failed: { outcome: 'transient' } };
  }
  if (response.status === 201 && body.id) return { id: body.id };
  return {
    failed: { outcome: 'refused', code: body.error?.code ?? 'image_invalid', message: body.error?.message ?? `HTTP ${response.status}` },
  };
}

export interface SenderOptions {
  language: string;
  fetcher?: Fetch;
}

/** Sends one action; `uploaded` is told each photo id as it comes back. */
export async function sendQueuedAction(
  action: QueuedAction,
  uploaded: (index: number, mediaId: string) => Promise<void>,
  { language, fetcher = fetch }: SenderOptions,
): Promise<SendResult> {
  if (action.kind === 'like') {
    const reply = action.liked
      ? await graphql(OutboxLikeDocument, { postId: action.postId }, language, fetcher)
      : await graphql(OutboxUnlikeDocument, { postId: action.postId }, language, fetcher);
    if ('failed' in reply) return reply.failed;
    return replyOutcome('likePost' in reply.data ? reply.data.likePost : reply.data.unlikePost);
  }
  if (action.kind === 'comment') {
    const input = { postId: action.postId, body: action.body, idempotencyKey: action.key };
    const reply = await graphql(OutboxCommentDocument, { input }, language, fetcher);
    return 'failed' in reply ? reply.failed : replyOutcome(reply.data.addComment);
  }
  const imageIds: string[] = [];
  for (const [index, photo] of (action.photos ?? []).entries()) {
    if (photo.mediaId) {
      imageIds.push(photo.mediaId);
      continue;
    }
    const upload = await uploadQueuedPhoto(photo.blob, photo.name, fetcher);
    if ('failed' in upload) return upload.failed;
    await uploaded(index, upload.id);
    imageIds.push(upload.id);
  }
  const reply = await graphql(OutboxPostDocument, { input: { ...action.input, imageIds } }, language, fetcher);
  return 'failed' in reply ? reply.failed : replyOutcome(reply.data.createPost);
}

/** Whose session the cookie carries, so the worker never sends one person's actions as another's. */
export async function signedInViewer(language: string, fetcher: Fetch = fetch): Promise<{ id: string } | null | 'offline'> {
  const reply = await graphql(OutboxViewerDocument, {}, language, fetcher);
  if ('failed' in reply) return reply.failed.outcome === 'offline' || reply.failed.outcome === 'transient' ? 'offline' : null;
  return reply.data.me;
}
