/**
 * Automatic posts (a badge received, a challenge's podium) shown as compact celebration cards,
 * consecutive ones of the same kind grouped, so they cheer without flooding the feed.
 *
 * What a card says is decided here, in pure functions: today from the post's body (written by
 * the server), and from its `systemKind` when the server sends one (the texts rework stores
 * system posts as kind + parameters and writes the sentence in each reader's language).
 */

export type CelebrationKind = 'badge' | 'label' | 'podium' | 'other';

export interface SystemPostLike {
  id: string;
  kind: string;
  body: string;
  systemKind?: string | null;
}

export type FeedItem<P extends SystemPostLike> =
  | { type: 'post'; post: P }
  | { type: 'celebrations'; kind: CelebrationKind; posts: P[]; key: string };

const BY_SYSTEM_KIND: Record<string, CelebrationKind> = {
  BADGE_AWARDED: 'badge',
  LABEL_AWARDED: 'label',
  TOP_THREE_ENTERED: 'podium',
  CHALLENGE_PODIUM: 'podium',
  RACE_FINISHED: 'podium',
};

export function isCelebration(post: SystemPostLike): boolean {
  return post.kind === 'SYSTEM';
}

/** What the automatic post celebrates. */
export function celebrationKind(post: SystemPostLike): CelebrationKind {
  if (post.systemKind) return BY_SYSTEM_KIND[post.systemKind] ?? 'other';
  const text = post.body.toLowerCase();
  if (/\blabel\b/.test(text)) return 'label';
  if (/\bbadge\b/.test(text)) return 'badge';
  if (/top 3|podium|course|race|challenge/.test(text)) return 'podium';
  return 'other';
}

/** Posts in order, runs of automatic posts of the same kind folded into one card. */
export function groupFeed<P extends SystemPostLike>(posts: readonly P[]): FeedItem<P>[] {
  const items: FeedItem<P>[] = [];
  for (const post of posts) {
    if (!isCelebration(post)) {
      items.push({ type: 'post', post });
      continue;
    }
    const kind = celebrationKind(post);
    const last = items[items.length - 1];
    if (last && last.type === 'celebrations' && last.kind === kind) last.posts.push(post);
    else items.push({ type: 'celebrations', kind, posts: [post], key: `celebrations-${post.id}` });
  }
  return items;
}

const LEADING_EMOJI = /^\s*((?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\uFE0F|\u200D(?:\p{Extended_Pictographic}))*)\s*/u;

/** One line of a card: the emoji the server put first (the badge's own) and the first line of text. */
export function celebrationLine(post: SystemPostLike): { emoji: string | null; text: string } {
  const firstLine = post.body.split('\n', 1)[0] ?? '';
  const found = LEADING_EMOJI.exec(firstLine);
  return found ? { emoji: found[1] ?? null, text: firstLine.slice(found[0].length).trim() } : { emoji: null, text: firstLine.trim() };
}
