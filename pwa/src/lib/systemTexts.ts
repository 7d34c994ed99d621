/**
 * The sentences Élan writes itself (notifications, automatic feed posts), written here in the
 * reader's language from what happened: a kind, its parameters (people, badges and challenges
 * by id) and what those ids are called now. The server's catalogue (server/texts) says the
 * same words; a server test checks both catalogues hold the same keys.
 */
import type { Language, MessageParams } from './i18n';

export interface TextRef {
  id: string;
  name: string;
  /** A person's profile photo, when they have one. */
  photoUrl?: string | null;
}

export interface TextRefs {
  people: readonly TextRef[];
  badges: readonly TextRef[];
  challenges: readonly TextRef[];
}

type Params = Readonly<Record<string, unknown>>;
/** The app's translator, for any key (an unknown one comes back as the key itself). */
export type Say = (key: string, params?: MessageParams) => string;

export const NOTIFICATION_KINDS = [
  'POST_LIKED', 'POST_COMMENTED', 'MENTIONED', 'POST_RECOMMENDED', 'RANK_OVERTAKEN', 'RANK_UP', 'TOP_THREE',
  'BADGE_RECEIVED', 'LABEL_RECEIVED', 'LABEL_EXPIRING', 'CHALLENGE_STARTED', 'CHALLENGE_ENDING', 'DUEL_INVITATION',
  'TRAINING_ASSIGNED', 'TRAINING_REMINDER', 'ACTION_PLAN_UPDATED', 'ASSESSMENT_SHARED',
] as const;
export const SYSTEM_POST_KINDS = ['BADGE_AWARDED', 'LABEL_AWARDED', 'TOP_THREE_ENTERED', 'CHALLENGE_PODIUM', 'RACE_FINISHED'] as const;

const EN_ORDINAL: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** « 1er », « 2e » in French; "1st", "2nd", "23rd" in English. */
export function ordinal(rank: number, language: Language): string {
  if (language === 'fr') return rank === 1 ? '1er' : `${rank}e`;
  const rule = new Intl.PluralRules('en', { type: 'ordinal' }).select(rank);
  return `${rank}${EN_ORDINAL[rule] ?? 'th'}`;
}

function asId(value: unknown): string | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : null;
}

function named(list: readonly TextRef[] | undefined, id: unknown): string | null {
  const wanted = asId(id);
  return wanted === null ? null : list?.find((ref) => ref.id === wanted)?.name ?? null;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

interface Written {
  refs: TextRefs | null | undefined;
  params: Params;
  say: Say;
  language: Language;
}

/** A person by id as called now; one who no longer exists is « un ancien membre ». */
function person(w: Written, id: unknown): string {
  const name = named(w.refs?.people, id);
  return name === null ? w.say('texts.person.gone') : readName(name, w.say);
}

const ERASED = /⟦([0-9A-F]{4})⟧/g;

/**
 * An erased person's name is stored as a marker without language (« ⟦3F2A⟧ »,
 * server/privacy/pseudonym.py), which the server writes in the reader's language; a marker
 * that reaches the app all the same (a copy kept from before) is written here.
 */
export function readName(name: string, say: Say): string {
  return name.includes('⟦') ? name.replace(ERASED, (_, code: string) => say('texts.person.erased', { code })) : name;
}

function titles(w: Written): MessageParams {
  const { params } = w;
  return {
    challenge: named(w.refs?.challenges, params.challengeId) ?? text(params.challenge),
    badge: named(w.refs?.badges, params.badgeId) ?? text(params.badge),
    rank: ordinal(Number(params.rank ?? 0), w.language),
    module: text(params.module),
    plan: text(params.plan),
    grid: text(params.grid),
  };
}

function expiry(w: Written): string {
  const at = typeof w.params.expiresAt === 'string' ? new Date(w.params.expiresAt) : null;
  if (!at || Number.isNaN(at.getTime())) return text(w.params.date);
  return new Intl.DateTimeFormat(w.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

export interface NotificationLike {
  kind: string;
  text: string;
  count: number;
  params?: unknown;
  refs?: TextRefs | null;
  /** The names a line written before people were kept by id was stored with. */
  actorNames?: readonly string[];
}

/** One line of the notification centre; the server's `text` when this app does not know the kind. */
export function notificationText(item: NotificationLike, say: Say, language: Language): string {
  const params = (item.params ?? {}) as Params;
  const w: Written = { refs: item.refs, params, say, language };
  const ids = Array.isArray(params.actorIds) ? params.actorIds : null;
  if (!ids && !item.refs) return item.text;
  // by id, as called now; a line written before ids were kept has the names it was written with
  const actors = ids ? ids.map((id) => person(w, id)) : [...(item.actorNames ?? [])];
  if (actors.length === 0) actors.push(say(item.kind === 'RANK_OVERTAKEN' ? 'texts.person.hidden' : 'texts.person.someone'));
  const base = `texts.notification.${item.kind}`;
  const hasGroups = say(`${base}.2`) !== `${base}.2`;
  const others = item.count - 1;
  let key = `${base}.1`;
  if (item.count > 1 && hasGroups) key = others === 1 || (item.count === 2 && actors.length >= 2) ? `${base}.2` : `${base}.n`;
  const sentence = say(key, {
    ...titles(w),
    actor: actors[0] ?? '',
    other: actors[1] ?? say('texts.person.one_other'),
    others,
    date: expiry(w),
  });
  return sentence === key ? item.text : sentence;
}

export interface SystemPostLike {
  body: string;
  systemKind?: string | null;
  systemParams?: unknown;
  systemRefs?: TextRefs | null;
}

/** An automatic post of the feed; its stored body when it has no kind (written before kinds were kept). */
export function systemPostText(post: SystemPostLike, say: Say, language: Language): string {
  const kind = post.systemKind;
  if (!kind || !(SYSTEM_POST_KINDS as readonly string[]).includes(kind)) return post.body;
  const params = (post.systemParams ?? {}) as Params;
  const w: Written = { refs: post.systemRefs, params, say, language };
  const shared = titles(w);
  if (kind === 'BADGE_AWARDED' || kind === 'LABEL_AWARDED') {
    let head = say(`texts.post.${kind}`, {
      ...shared,
      emoji: text(params.emoji) || (kind === 'LABEL_AWARDED' ? '🎖️' : '🏅'),
      person: person(w, params.userId),
    });
    if (params.level) head += say('texts.post.level', { level: text(params.level) });
    if (params.byId !== null && params.byId !== undefined) head += say('texts.post.awarded_by', { by: person(w, params.byId) });
    const reason = text(params.reason);
    return reason ? `${head}.\n${reason}` : `${head}.`;
  }
  if (kind === 'TOP_THREE_ENTERED') return say('texts.post.TOP_THREE_ENTERED', { ...shared, person: person(w, params.userId) });
  if (kind === 'CHALLENGE_PODIUM') return say('texts.post.CHALLENGE_PODIUM', { ...shared, podium: podium(w) });
  const count = Number(params.count ?? 0);
  return say(`texts.post.RACE_FINISHED.${count === 0 ? '0' : count === 1 ? '1' : 'n'}`, { ...shared, count });
}

function podium(w: Written): string {
  const places = Array.isArray(w.params.podium) ? (w.params.podium as Params[]) : [];
  return places
    .map((place) => {
      const who = place.hidden
        ? w.say('texts.person.hidden')
        : place.userId !== undefined && place.userId !== null
          ? person(w, place.userId)
          : text(place.name) || w.say('texts.person.hidden');
      return `${ordinal(Number(place.rank ?? 0), w.language)} ${who}`;
    })
    .join(', ');
}
