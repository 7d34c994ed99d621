import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../../i18n';
import type { QueuedAction } from '../../lib/offlineQueue';
import { useOutbox } from './outbox';

type QueuedPost = Extract<QueuedAction, { kind: 'post' }>;

/** A post waiting on the device, with previews of its photos (kept as Blobs until they are sent). */
export function FeedPendingPost({ action }: { action: QueuedPost }) {
  const photos = action.photos ?? [];
  const previews = useMemo(() => photos.map((photo) => URL.createObjectURL(photo.blob)), [action.key, photos.length]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  return (
    <article class="post-card is-pending" data-testid="pending-post">
      <p class="post-body">{action.input.body}</p>
      {previews.length > 0 && (
        <div class={`post-images count-${Math.min(previews.length, 4)}`}>
          {previews.map((url, index) => (
            <img key={url} src={url} alt={t('composer.photoPreview', { n: index + 1 })} width={160} height={120} />
          ))}
        </div>
      )}
      <footer class="post-footer">
        <span class="pending-chip">{t('offline.pending')}</span>
      </footer>
    </article>
  );
}

/** Every post waiting on the device, above the feed whatever state it is in (even offline without a saved copy). */
export function FeedPendingPosts() {
  const outbox = useOutbox();
  return <>{outbox.flatMap((action) => (action.kind === 'post' ? [<FeedPendingPost key={action.key} action={action} />] : []))}</>;
}
