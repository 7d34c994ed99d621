/**
 * One post and its comments, live: read through the query cache, changed by
 * the post's events, read again when it is hidden or deleted, or when a
 * comment of it waiting in the outbox has left.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useQuery, useSubscription } from '../../graphql/hooks';
import { pendingComments } from '../../lib/offlineQueue';
import { postEventApplied, type Thread } from '../../lib/postThread';
import { useOutbox } from './outbox';
import { PostEventsDocument, PostPageDocument } from '../../graphql/feedPost.generated';

export type ThreadStatus = 'loading' | 'ready' | 'missing' | 'error';

export function usePostThread(postId: string) {
  const { state, reload, set } = useQuery(PostPageDocument, { id: postId });
  const waiting = pendingComments(useOutbox(), postId);

  const update = (change: (thread: Thread) => Thread) => set((data) => (data.post ? { post: change(data.post) } : data));

  useSubscription(
    PostEventsDocument,
    { postId },
    {
      onData: ({ feedEvents: event }) => {
        let again = false;
        update((thread) => {
          const { thread: next, reload: mustReload } = postEventApplied(thread, event);
          again = mustReload;
          return next;
        });
        if (again) reload();
      },
    },
  );

  // An outbox comment for this post just left: read the thread again.
  const waitingCount = useRef(waiting.length);
  useEffect(() => {
    if (waiting.length < waitingCount.current) reload();
    waitingCount.current = waiting.length;
  }, [waiting.length, reload]);

  const thread = state.status === 'ready' ? state.data.post : null;
  const status: ThreadStatus = state.status === 'ready' ? (thread ? 'ready' : 'missing') : state.status;
  return { status, thread, waiting, reload, update };
}
