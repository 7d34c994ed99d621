import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import type { postInput } from '../../lib/composer';
import { isOffline } from '../../lib/requestErrors';
import type { ComposerPhoto } from './FeedComposerPhotos';
import { queueAction } from './outbox';
import { CreatePostDocument, type PostFieldsFragment as Post } from '../../graphql/feed.generated';

export type PublishOutcome = 'published' | 'queued' | { error: string };

/**
 * Publishing a draft: sent now, or kept on the phone with its idempotency key
 * and its photos and sent once, when the network is back.
 */
export function usePublishPost(onPublished: (post: Post) => void, onQueued?: (message: string) => void) {
  const createPost = useMutation(CreatePostDocument);

  async function publish(input: ReturnType<typeof postInput>, photos: readonly ComposerPhoto[]): Promise<PublishOutcome> {
    const kept = photos.filter((photo) => photo.error === null);
    const queue = (): PublishOutcome => {
      queueAction({
        kind: 'post',
        key: input.idempotencyKey,
        input,
        photos: kept.map((photo) => ({ blob: photo.file, name: photo.file.name || 'photo.jpg', mediaId: photo.id })),
        at: new Date().toISOString(),
      });
      onQueued?.(t('offline.queuedPost'));
      return 'queued';
    };
    // a photo that found no network goes with the post, from the outbox
    if (kept.some((photo) => photo.waiting)) return queue();
    try {
      const { createPost: result } = await createPost.run({
        input: { ...input, imageIds: kept.flatMap((photo) => (photo.id ? [photo.id] : [])) },
      });
      if (result.__typename === 'CreatePostSuccess') {
        onPublished(result.post);
        return 'published';
      }
      return { error: result.message };
    } catch (failure) {
      return isOffline(failure) ? queue() : { error: t('errors.unexpected') };
    }
  }

  return publish;
}
