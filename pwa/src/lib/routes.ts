/** The app's routes and where a visitor must go instead, by sign-in state. */
import { matchLeverRoute } from './levers';


export type RouteName =
  | 'feed'
  | 'login'
  | 'signup'
  | 'notifications'
  | 'notificationSettings'
  | 'challenge'
  | 'challenges'
  | 'challengeNew'
  | 'challengeManage'
  | 'challengeTv'
  | 'challengeEdit'
  | 'challengeAudit'
  | 'challengeTokens'
  | 'badges'
  | 'awardBadge'
  | 'wall'
  | 'person'
  | 'post'
  | 'reports';

export const ROUTE_PATHS: Readonly<Record<RouteName, string>> = {
  feed: '/',
  login: '/login',
  signup: '/signup',
  notifications: '/notifications',
  notificationSettings: '/settings/notifications',
  challenge: '/challenges/:id',
  challenges: '/challenges',
  challengeNew: '/challenges/new',
  challengeManage: '/challenges/manage',
  challengeTv: '/challenges/:id/tv',
  challengeEdit: '/challenges/:id/edit',
  challengeAudit: '/challenges/audit',
  challengeTokens: '/challenges/tokens',
  badges: '/badges',
  awardBadge: '/badges/award',
  wall: '/wall',
  post: '/posts/:id',
  reports: '/reports',
  person: '/people/:id',
};

const PERSON_PATH = /^\/people\/([0-9]{1,11})$/;

/** A person's profile path (badge shelf, labels, counts). */
export function personPath(id: string): string {
  return `/people/${id}`;
}

/** The id in /people/<id>, or null on any other path. */
export function personIdFrom(pathname: string): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return PERSON_PATH.exec(path)?.[1] ?? null;
}

const POST_PATH = /^\/posts\/(\d{1,11})$/;

/** The id in /posts/<id>, or null on any other path. */
export function postIdFrom(pathname: string): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return POST_PATH.exec(path)?.[1] ?? null;
}

const CHALLENGE_PATH = /^\/challenges\/(\d{1,11})(?:\/tv|\/edit)?$/;

/** The id in /challenges/<id>, /challenges/<id>/tv or /challenges/<id>/edit, or null on any other path. */
export function challengeIdFrom(pathname: string): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return CHALLENGE_PATH.exec(path)?.[1] ?? null;
}

const PUBLIC_ROUTES: ReadonlySet<RouteName> = new Set(['login', 'signup']);

function matches(routePath: string, path: string): boolean {
  if (!routePath.includes(':')) return routePath === path;
  const pattern = new RegExp(`^${routePath.replace(/:[a-z]+/g, '[0-9]+')}$`);
  return pattern.test(path);
}

export function matchRoute(pathname: string): RouteName | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [name, routePath] of Object.entries(ROUTE_PATHS) as [RouteName, string][]) {
    if (matches(routePath, path)) return name;
  }
  return null;
}

/**
 * The path to replace the current one with, or null to stay.
 * Unknown paths go to the feed, which itself requires signing in.
 */
export function redirectFor(pathname: string, signedIn: boolean): string | null {
  const route = matchRoute(pathname);
  if (route === null && matchLeverRoute(pathname)) return signedIn ? null : ROUTE_PATHS.login;
  if (route === null) return signedIn ? ROUTE_PATHS.feed : ROUTE_PATHS.login;
  if (!signedIn && !PUBLIC_ROUTES.has(route)) return ROUTE_PATHS.login;
  if (signedIn && PUBLIC_ROUTES.has(route)) return ROUTE_PATHS.feed;
  return null;
}
