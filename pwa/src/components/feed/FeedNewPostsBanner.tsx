import { t } from '../../i18n';

interface FeedNewPostsBannerProps {
  count: number;
  onReveal: () => void;
}

/** Announces posts that arrived live; they join the list only when tapped, so it never jumps. */
export function FeedNewPostsBanner({ count, onReveal }: FeedNewPostsBannerProps) {
  return (
    <div class="new-posts-slot" aria-live="polite">
      {count > 0 && (
        <button type="button" class="new-posts-banner" data-testid="new-posts-banner" onClick={onReveal}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M12 4l-7 7h4.5v9h5v-9H19z" />
          </svg>
          {t('feed.newPosts', { count })}
        </button>
      )}
    </div>
  );
}
