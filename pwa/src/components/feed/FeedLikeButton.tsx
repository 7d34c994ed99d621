import { t } from '../../i18n';

interface FeedLikeButtonProps {
  liked: boolean;
  count: number;
  onToggle: () => void;
}

/** A toggle: aria-pressed says whether the viewer likes the post; the count sits inside. */
export function FeedLikeButton({ liked, count, onToggle }: FeedLikeButtonProps) {
  return (
    <button
      type="button"
      class="like-button"
      data-testid="like-button"
      aria-pressed={liked}
      onClick={onToggle}
    >
      <svg class="like-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M12 20.5s-7.5-4.6-9.3-9.2C1.5 8.1 3.6 4.5 7.1 4.5c2 0 3.6 1.1 4.9 2.9 1.3-1.8 2.9-2.9 4.9-2.9 3.5 0 5.6 3.6 4.4 6.8-1.8 4.6-9.3 9.2-9.3 9.2z" />
      </svg>
      <span class="like-label">{t('post.like')}</span>
      <span class="like-count" data-testid="like-count">
        {count}
      </span>
    </button>
  );
}
