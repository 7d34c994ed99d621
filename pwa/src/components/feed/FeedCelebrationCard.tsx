import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { celebrationLine, type CelebrationKind } from '../../lib/celebrations';
import { formatRelativeTime } from '../../lib/relativeTime';
import { linkClick } from '../../router';
import { Avatar } from '../ui/Avatar';
import { postPath } from './FeedPostCard';
import type { PostFieldsFragment as Post } from '../../graphql/feed.generated';
import './FeedCelebrationCard.css';

const SHOWN = 3;

interface FeedCelebrationCardProps {
  kind: CelebrationKind;
  posts: Post[];
  now: Date;
}

/** A rosette in the kind's colour, the badge's emoji in its heart. */
export function FeedCelebrationArt({ kind, emoji }: { kind: CelebrationKind; emoji: string | null }) {
  return (
    <span class={`celebration-art celebration-${kind}`} aria-hidden="true">
      <svg viewBox="0 0 56 64" width="56" height="64" focusable="false">
        <path d="M16 36 L8 62 L20 55 L26 64 L30 40 Z" class="celebration-ribbon" />
        <path d="M40 36 L48 62 L36 55 L30 64 L26 40 Z" class="celebration-ribbon" />
        <path
          d="M28 2l5 4 6-1 3 5 6 2-1 6 4 5-4 5 1 6-6 2-3 5-6-1-5 4-5-4-6 1-3-5-6-2 1-6-4-5 4-5-1-6 6-2 3-5 6 1z"
          class="celebration-seal"
        />
        <circle cx="28" cy="23" r="14" class="celebration-face" />
      </svg>
      <span class="celebration-emoji">{emoji ?? (kind === 'podium' ? '🏆' : kind === 'label' ? '🎖️' : '🏅')}</span>
    </span>
  );
}

/** Automatic posts of one kind that arrived together: one compact card, each line opens its post. */
export function FeedCelebrationCard({ kind, posts, now }: FeedCelebrationCardProps) {
  const [expanded, setExpanded] = useState(false);
  const first = posts[0];
  if (!first) return null;
  const headingId = `celebration-${first.id}`;
  const visible = expanded ? posts : posts.slice(0, SHOWN);
  const hidden = posts.length - visible.length;
  return (
    <article class="celebration-card" aria-labelledby={headingId} data-testid="celebration-card">
      <FeedCelebrationArt kind={kind} emoji={celebrationLine(first).emoji} />
      <div class="celebration-main">
        <h2 id={headingId} class="celebration-title">
          {t(`celebrations.${kind}`, { count: posts.length })}
        </h2>
        <ul class="celebration-lines">
          {visible.map((post) => (
            <li key={post.id}>
              <a class="celebration-line" href={postPath(post.id)} onClick={linkClick} data-post-id={post.id}>
                <Avatar name={post.author.displayName} initials={post.author.initials} photoUrl={post.author.photoUrl} size="s" />
                <span class="celebration-text">
                  <span>{celebrationLine(post).text}</span>
                  <time dateTime={post.createdAt}>{formatRelativeTime(post.createdAt, now, language)}</time>
                </span>
              </a>
            </li>
          ))}
        </ul>
        {hidden > 0 && (
          <button type="button" class="celebration-more" onClick={() => setExpanded(true)}>
            {t('celebrations.more', { count: hidden })}
          </button>
        )}
      </div>
    </article>
  );
}
