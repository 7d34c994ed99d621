import type { PostKind } from '../graphql/types.generated';
/**
 * The feed's filter and ordering as the filter bar sets them, kept in the
 * address (`/?tag=relance&order=top`) so back, forward, reload and a shared
 * link all show the same feed. Pure: parsed from and written to a query
 * string, turned into the API's `filter` and `order`.
 */

export type FeedScope = 'team' | 'region';
export type FeedOrder = 'NEWEST' | 'TOP_OF_WEEK';

export interface FeedFilter {
  kind: PostKind | null;
  scope: FeedScope | null;
  tag: string | null;
  authorId: string | null;
  recommended: boolean;
  order: FeedOrder;
}

/** What `feed(filter:)` and `feedEvents(filter:)` take. */
export interface FeedFilterInput {
  kind?: PostKind;
  within?: 'UNIT' | 'REGION';
  tag?: string;
  authorId?: string;
  recommendedForMe?: boolean;
}

export const NO_FILTER: FeedFilter = { kind: null, scope: null, tag: null, authorId: null, recommended: false, order: 'NEWEST' };

const KINDS: readonly PostKind[] = ['WIN', 'BEST_PRACTICE', 'ANNOUNCEMENT'];
const TAG = /^[\p{L}\p{N}_-]{1,40}$/u;
const ID = /^\d{1,11}$/;

export function normalizeTag(tag: string): string | null {
  const clean = tag.trim().replace(/^#/, '').toLowerCase();
  return TAG.test(clean) ? clean : null;
}

/** Reads the address; anything unknown or malformed is ignored rather than trusted. */
export function filterFromSearch(search: string): FeedFilter {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  const scope = params.get('scope');
  const author = params.get('author');
  return {
    kind: KINDS.includes(kind as PostKind) ? (kind as PostKind) : null,
    scope: scope === 'team' || scope === 'region' ? scope : null,
    tag: normalizeTag(params.get('tag') ?? ''),
    authorId: author && ID.test(author) ? author : null,
    recommended: params.get('recommended') === '1',
    order: params.get('order') === 'top' ? 'TOP_OF_WEEK' : 'NEWEST',
  };
}

/** The address of a filter: '' for the plain feed, else `?…` in a stable order. */
export function searchFromFilter(filter: FeedFilter): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.scope) params.set('scope', filter.scope);
  if (filter.tag) params.set('tag', filter.tag);
  if (filter.authorId) params.set('author', filter.authorId);
  if (filter.recommended) params.set('recommended', '1');
  if (filter.order === 'TOP_OF_WEEK') params.set('order', 'top');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The API's filter, or null when nothing narrows the feed (the ordering apart). */
export function apiFilter(filter: FeedFilter): FeedFilterInput | null {
  const input: FeedFilterInput = {};
  if (filter.kind) input.kind = filter.kind;
  if (filter.scope) input.within = filter.scope === 'team' ? 'UNIT' : 'REGION';
  if (filter.tag) input.tag = filter.tag;
  if (filter.authorId) input.authorId = filter.authorId;
  if (filter.recommended) input.recommendedForMe = true;
  return Object.keys(input).length > 0 ? input : null;
}

/** Whether the feed shows less than everything (the ordering apart). */
export function isNarrowed(filter: FeedFilter): boolean {
  return apiFilter(filter) !== null;
}

/** One filter's identity, so the feed reloads only when it really changed. */
export function filterKey(filter: FeedFilter): string {
  return searchFromFilter(filter);
}

/** Toggles or sets one part, keeping the rest. */
export function withFilter(filter: FeedFilter, change: Partial<FeedFilter>): FeedFilter {
  return { ...filter, ...change };
}

/** Everything that narrows the feed cleared; the ordering kept. */
export function cleared(filter: FeedFilter): FeedFilter {
  return { ...NO_FILTER, order: filter.order };
}

/** The feed's address narrowed to one tag or one author (a tap on a #tag or a name). */
export function feedPathFor(change: Partial<FeedFilter>): string {
  return `/${searchFromFilter(withFilter(NO_FILTER, change))}`;
}
