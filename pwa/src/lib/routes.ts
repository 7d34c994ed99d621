/**
 * The app's one route table: every path, its name, and who may open it.
 * Screens are attached to these names in src/screens.tsx (each lazy).
 */

export const ROUTE_PATHS = {
  feed: '/',
  login: '/login',
  signup: '/signup',
  // account recovery and invitations (the links of the mails carry their token after the « # »)
  passwordForgot: '/password/forgot',
  passwordReset: '/password/reset',
  invitation: '/invitation',
  // the first run without the demo: the console's one-time token opens it (server.network.first_run)
  setup: '/setup',
  changePassword: '/settings/password',
  // « Confidentialité »: my data and privacy settings; head office's register and retention
  privacy: '/settings/privacy',
  privacyAdmin: '/admin/privacy',
  // running the network (admins and managers)
  people: '/admin/people',
  network: '/admin/network',
  audit: '/admin/audit',
  notifications: '/notifications',
  notificationSettings: '/settings/notifications',
  challenges: '/challenges',
  challengeNew: '/challenges/new',
  challengeManage: '/challenges/manage',
  challengeAudit: '/challenges/audit',
  challengeTokens: '/challenges/tokens',
  challenge: '/challenges/:id',
  challengeTv: '/challenges/:id/tv',
  challengeEdit: '/challenges/:id/edit',
  badges: '/badges',
  awardBadge: '/badges/award',
  wall: '/wall',
  person: '/people/:id',
  post: '/posts/:id',
  reports: '/reports',
  // train and evaluate (the « levers » of the performance plan)
  learn: '/apprendre',
  module: '/apprendre/:id',
  quiz: '/quiz/:id',
  results: '/resultats',
  team: '/equipe',
  teamUnit: '/equipe/:id',
  pointOfSale: '/point-de-vente',
  pointOfSaleUnit: '/point-de-vente/:id',
  actionPlan: '/point-de-vente/plans/:id',
  assessment: '/evaluations/:id',
  performancePlan: '/plan',
  ourPlan: '/notre-plan',
  ourPlanReview: '/notre-plan/revue',
  // content authoring (managers for their units, head office for everyone)
  authoring: '/contenus',
  moduleNew: '/contenus/formations/nouvelle',
  moduleEdit: '/contenus/formations/:id',
  modulePreview: '/contenus/formations/:id/apercu',
  skillsGrids: '/contenus/grilles',
} as const;

export type RouteName = keyof typeof ROUTE_PATHS;

/** A path matched: the route's name and its `:id`, if it has one. */
export interface Route {
  name: RouteName;
  id: string | null;
}

const PUBLIC_ROUTES: ReadonlySet<RouteName> = new Set(['login', 'signup', 'passwordForgot', 'passwordReset', 'invitation', 'setup']);
/** The pages a mailed link opens: shown even to someone signed in (the link is for whoever holds it). */
const LINK_ROUTES: ReadonlySet<RouteName> = new Set(['passwordReset', 'invitation']);

const PATTERNS = (Object.entries(ROUTE_PATHS) as [RouteName, string][]).map(
  ([name, path]) => [name, new RegExp(`^${path.replace(':id', '(\\d{1,11})')}$`)] as const,
);

function trimmed(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

export function findRoute(pathname: string): Route | null {
  const path = trimmed(pathname);
  for (const [name, pattern] of PATTERNS) {
    const found = pattern.exec(path);
    if (found) return { name, id: found[1] ?? null };
  }
  return null;
}

export function matchRoute(pathname: string): RouteName | null {
  return findRoute(pathname)?.name ?? null;
}

/** The path of a route, with its id. */
export function pathTo(name: RouteName, id?: string): string {
  return ROUTE_PATHS[name].replace(':id', id ?? '');
}

/** A person's profile path (badge shelf, labels, counts). */
export function personPath(id: string): string {
  return pathTo('person', id);
}

function idOn(pathname: string, names: readonly RouteName[]): string | null {
  const route = findRoute(pathname);
  return route && names.includes(route.name) ? route.id : null;
}

/** The id in /people/<id>, or null on any other path. */
export function personIdFrom(pathname: string): string | null {
  return idOn(pathname, ['person']);
}

/** The id in /posts/<id>, or null on any other path. */
export function postIdFrom(pathname: string): string | null {
  return idOn(pathname, ['post']);
}

/** The id in /challenges/<id>, /challenges/<id>/tv or /challenges/<id>/edit, or null on any other path. */
export function challengeIdFrom(pathname: string): string | null {
  return idOn(pathname, ['challenge', 'challengeTv', 'challengeEdit']);
}

/** Links to the train and evaluate screens. */
export const LEVER_PATHS = {
  learn: ROUTE_PATHS.learn,
  module: (id: string) => pathTo('module', id),
  quiz: (id: string) => pathTo('quiz', id),
  results: ROUTE_PATHS.results,
  team: ROUTE_PATHS.team,
  teamUnit: (id: string) => pathTo('teamUnit', id),
  pointOfSale: ROUTE_PATHS.pointOfSale,
  pointOfSaleUnit: (id: string) => pathTo('pointOfSaleUnit', id),
  actionPlan: (id: string) => pathTo('actionPlan', id),
  assessment: (id: string) => pathTo('assessment', id),
  performancePlan: ROUTE_PATHS.performancePlan,
  ourPlan: ROUTE_PATHS.ourPlan,
  ourPlanReview: ROUTE_PATHS.ourPlanReview,
} as const;

/** Links to the content authoring screens. */
export const AUTHORING_PATHS = {
  home: ROUTE_PATHS.authoring,
  newModule: ROUTE_PATHS.moduleNew,
  module: (id: string) => pathTo('moduleEdit', id),
  preview: (id: string) => pathTo('modulePreview', id),
  grids: ROUTE_PATHS.skillsGrids,
} as const;

/**
 * The path to replace the current one with, or null to stay.
 * Unknown paths go to the feed, which itself requires signing in.
 */
export function redirectFor(pathname: string, signedIn: boolean): string | null {
  const route = matchRoute(pathname);
  if (route === null) return signedIn ? ROUTE_PATHS.feed : ROUTE_PATHS.login;
  if (!signedIn && !PUBLIC_ROUTES.has(route)) return ROUTE_PATHS.login;
  if (signedIn && PUBLIC_ROUTES.has(route) && !LINK_ROUTES.has(route)) return ROUTE_PATHS.feed;
  return null;
}

/** A page opened from a mailed link (reset, invitation), whoever is signed in. */
export function isLinkRoute(name: RouteName | null): boolean {
  return name !== null && LINK_ROUTES.has(name);
}

/**
 * The secret a mailed link carries after its « # » (never sent to the server in a request, nor
 * kept in a Referer); the caller takes it off the address bar once read.
 */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '').trim();
  return /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}

/**
 * Screens for managers and head office (running the network, authoring, results of a unit): a
 * seller who opens one by its address is told so, and the screen never asks the server.
 */
const MANAGER_ROUTES: ReadonlySet<RouteName> = new Set([
  'people',
  'challengeNew',
  'challengeManage',
  'challengeAudit',
  'challengeTokens',
  'challengeEdit',
  'awardBadge',
  'reports',
  'team',
  'teamUnit',
  'performancePlan',
  'authoring',
  'moduleNew',
  'moduleEdit',
  'modulePreview',
  'skillsGrids',
]);

export function isManagerRoute(name: RouteName | null): boolean {
  return name !== null && MANAGER_ROUTES.has(name);
}

/**
 * The builders a member may still open: the content each one makes, by the names the server
 * gives a head-office function or a partner agency's grant (`Viewer.manages`). The server
 * decides every change again; this only offers the screens.
 */
export const BUILDER_CONTENT = {
  challengeNew: 'challenges',
  challengeEdit: 'challenges',
  authoring: 'modules',
  moduleNew: 'modules',
  moduleEdit: 'modules',
  modulePreview: 'modules',
} as const satisfies Partial<Record<RouteName, string>>;

export type BuilderContent = (typeof BUILDER_CONTENT)[keyof typeof BUILDER_CONTENT];

/** Whether someone manages that content beyond their role (a function, an agency's grant). */
export function buildsContent(viewer: { role: string; manages?: readonly string[] | null }, content: BuilderContent): boolean {
  return viewer.role !== 'MEMBER' || (viewer.manages ?? []).includes(content);
}

/** Whether a screen is refused to this person: a manager's screen, unless it builds content they manage. */
export function isRefusedRoute(name: RouteName | null, viewer: { role: string; manages?: readonly string[] | null }): boolean {
  if (viewer.role !== 'MEMBER' || !isManagerRoute(name) || name === null) return false;
  const content = (BUILDER_CONTENT as Partial<Record<RouteName, BuilderContent>>)[name];
  return content === undefined || !buildsContent(viewer, content);
}

export function isPublicRoute(name: RouteName | null): boolean {
  return name !== null && PUBLIC_ROUTES.has(name);
}
