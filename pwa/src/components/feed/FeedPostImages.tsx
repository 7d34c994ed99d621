import { t } from '../../i18n';
import type { PostFieldsFragment } from '../../graphql/feed.generated';

type PostImage = PostFieldsFragment['images'][number];

/** Photos lazy-loaded with their size reserved (width/height attributes), so nothing jumps. */
export function FeedPostImages({ images }: { images: PostImage[] }) {
  return (
    <div class={`post-images count-${Math.min(images.length, 4)}`}>
      {images.map((image, index) => (
        <a key={image.id} href={image.fullUrl} target="_blank" rel="noopener">
          <img
            src={image.feedUrl}
            width={image.feedWidth}
            height={image.feedHeight}
            loading="lazy"
            decoding="async"
            alt={t('post.photoAlt', { n: index + 1 })}
            style={{ aspectRatio: `${image.feedWidth} / ${image.feedHeight}` }}
          />
        </a>
      ))}
    </div>
  );
}
