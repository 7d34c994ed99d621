import { t, type MessageKey } from '../../i18n';
import type { OutboxItem, Refusal } from '../../lib/offlineQueue';
import { dismissRefused, useOutboxRefusals } from './outbox';

const REASONS: Readonly<Record<string, MessageKey>> = {
  post_not_found: 'offline.reason.postGone',
  comment_not_found: 'offline.reason.postGone',
  not_allowed: 'offline.reason.notAllowed',
  post_kind_not_allowed: 'offline.reason.notAllowed',
  image_invalid: 'offline.reason.photo',
  image_too_large: 'offline.reason.photo',
  post_image_unknown: 'offline.reason.photo',
};

function excerpt(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function what(item: OutboxItem): string {
  const { action } = item;
  if (action.kind === 'like') return t(action.liked ? 'offline.refused.like' : 'offline.refused.unlike');
  if (action.kind === 'comment') return t('offline.refused.comment', { excerpt: excerpt(action.body) });
  return t('offline.refused.post', { excerpt: excerpt(action.input.body) });
}

/** The catalogue's words for a known reason, else the server's own message (already in the person's language). */
export function refusalReason(refusal: Refusal): string {
  const key = REASONS[refusal.code];
  return key ? t(key) : refusal.message;
}

/** Actions the server refused for good, each with why, until the person has read it. */
export function FeedOutboxRefusals() {
  const refusals = useOutboxRefusals();
  if (refusals.length === 0) return null;
  return (
    <ul class="outbox-refusals" role="alert">
      {refusals.map((item) => (
        <li key={item.key} class="notice outbox-refusal" data-testid="outbox-refusal">
          <p>
            <strong>{what(item)}</strong> {item.refused ? refusalReason(item.refused) : null}
          </p>
          <button type="button" class="button" onClick={() => dismissRefused(item.key)}>
            {t('offline.refusedDismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
