import { describe, expect, it } from 'vitest';
import { AUTHORING_PATHS, findRoute, isLinkRoute, LEVER_PATHS, matchRoute, pathTo, personIdFrom, personPath, redirectFor, tokenFromHash } from './routes';

describe('matchRoute', () => {
  it('knows the three routes, with or without a trailing slash', () => {
    expect(matchRoute('/')).toBe('feed');
    expect(matchRoute('/login')).toBe('login');
    expect(matchRoute('/signup/')).toBe('signup');
    expect(matchRoute('/admin')).toBeNull();
  });

  it('knows the notification screens and a challenge leaderboard by id', () => {
    expect(matchRoute('/notifications')).toBe('notifications');
    expect(matchRoute('/settings/notifications')).toBe('notificationSettings');
    expect(matchRoute('/challenges/7')).toBe('challenge');
    expect(matchRoute('/challenges/abc')).toBeNull();
  });
});

describe('redirectFor', () => {
  it('sends a visitor who is not signed in to the login page', () => {
    expect(redirectFor('/', false)).toBe('/login');
    expect(redirectFor('/nowhere', false)).toBe('/login');
    expect(redirectFor('/login', false)).toBeNull();
    expect(redirectFor('/signup', false)).toBeNull();
  });

  it('sends a signed-in person away from login and sign-up to the feed', () => {
    expect(redirectFor('/login', true)).toBe('/');
    expect(redirectFor('/signup', true)).toBe('/');
    expect(redirectFor('/', true)).toBeNull();
    expect(redirectFor('/nowhere', true)).toBe('/');
  });
});

describe('recognition routes', () => {
  it('match the catalogue, the award flow, the wall of fame and profiles', () => {
    expect(matchRoute('/badges')).toBe('badges');
    expect(matchRoute('/badges/award')).toBe('awardBadge');
    expect(matchRoute('/wall')).toBe('wall');
    expect(matchRoute('/people/42')).toBe('person');
    expect(matchRoute('/people/abc')).toBeNull();
    expect(personIdFrom('/people/42/')).toBe('42');
    expect(personIdFrom('/badges')).toBeNull();
    expect(personPath('7')).toBe('/people/7');
  });

  it('need a signed-in person', () => {
    expect(redirectFor('/people/42', false)).toBe('/login');
    expect(redirectFor('/people/42', true)).toBeNull();
  });
});

describe('challenge routes', () => {
  it('tell the list, the wizard, the manager tools, a challenge and its TV mode apart', async () => {
    const { challengeIdFrom, matchRoute } = await import('./routes');
    expect(['/challenges', '/challenges/new', '/challenges/manage', '/challenges/12', '/challenges/12/tv'].map(matchRoute)).toEqual(
      ['challenges', 'challengeNew', 'challengeManage', 'challenge', 'challengeTv']);
    expect([challengeIdFrom('/challenges/12'), challengeIdFrom('/challenges/12/tv'), challengeIdFrom('/challenges/new')]).toEqual(['12', '12', null]);
  });

  it('tell a challenge’s management and the result audit apart', async () => {
    const { challengeIdFrom, matchRoute } = await import('./routes');
    expect(['/challenges/12/edit', '/challenges/audit', '/challenges/12/audit'].map(matchRoute)).toEqual(
      ['challengeEdit', 'challengeAudit', null]);
    expect(matchRoute('/challenges/tokens')).toBe('challengeTokens');
    expect(challengeIdFrom('/challenges/tokens')).toBeNull();
    expect([challengeIdFrom('/challenges/12/edit'), challengeIdFrom('/challenges/audit')]).toEqual(['12', null]);
  });
});

describe('train and evaluate routes', () => {
  it('are in the same table, with and without ids', () => {
    expect(findRoute('/apprendre')).toEqual({ name: 'learn', id: null });
    expect(findRoute('/apprendre/12/')).toEqual({ name: 'module', id: '12' });
    expect(findRoute('/point-de-vente/plans/7')).toEqual({ name: 'actionPlan', id: '7' });
    expect(findRoute('/point-de-vente/12')).toEqual({ name: 'pointOfSaleUnit', id: '12' });
    expect(findRoute('/equipe/4')).toEqual({ name: 'teamUnit', id: '4' });
    expect(findRoute('/quiz/abc')).toBeNull();
    expect(LEVER_PATHS.actionPlan('7')).toBe('/point-de-vente/plans/7');
    expect(pathTo('challengeTv', '12')).toBe('/challenges/12/tv');
  });
});

describe('redirectFor on the Train and Evaluate screens', () => {
  it('lets a signed-in person stay and sends a visitor to login', () => {
    expect(redirectFor('/apprendre/3', true)).toBeNull();
    expect(redirectFor('/point-de-vente/plans/9', true)).toBeNull();
    expect(redirectFor('/resultats', false)).toBe('/login');
  });
});

describe('account recovery, invitations and people routes', () => {
  it('lets a visitor ask for a link, and opens the mailed links whoever is signed in', () => {
    expect(redirectFor('/password/forgot', false)).toBeNull();
    expect(redirectFor('/password/forgot', true)).toBe('/');
    expect(redirectFor('/password/reset', false)).toBeNull();
    expect(redirectFor('/password/reset', true)).toBeNull();
    expect(redirectFor('/invitation', true)).toBeNull();
    expect([isLinkRoute('passwordReset'), isLinkRoute('invitation'), isLinkRoute('login')]).toEqual([true, true, false]);
  });

  it('keeps changing one’s password and the people screen for signed-in people', () => {
    expect(redirectFor('/settings/password', false)).toBe('/login');
    expect(redirectFor('/admin/people', false)).toBe('/login');
    expect(matchRoute('/admin/people')).toBe('people');
  });

  it('reads the token after the « # », and nothing else', () => {
    expect(tokenFromHash('#abcdefghijklmnop_QRS-123')).toBe('abcdefghijklmnop_QRS-123');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#court')).toBeNull();
    expect(tokenFromHash('#<script>alert(1)</script>xxxxxxxx')).toBeNull();
  });
});

describe('content authoring routes', () => {
  it('match the hub, a new module, a module, its preview and the skills grids', () => {
    expect(findRoute('/contenus')).toEqual({ name: 'authoring', id: null });
    expect(findRoute('/contenus/formations/nouvelle')).toEqual({ name: 'moduleNew', id: null });
    expect(findRoute('/contenus/formations/12')).toEqual({ name: 'moduleEdit', id: '12' });
    expect(findRoute('/contenus/formations/12/apercu/')).toEqual({ name: 'modulePreview', id: '12' });
    expect(findRoute('/contenus/grilles')).toEqual({ name: 'skillsGrids', id: null });
    expect(findRoute('/contenus/formations/autre')).toBeNull();
    expect(AUTHORING_PATHS.preview('12')).toBe('/contenus/formations/12/apercu');
  });
});

describe('screens for managers', () => {
  it('are the network, authoring and unit results screens, never a seller’s own', async () => {
    const { isManagerRoute } = await import('./routes');
    for (const name of ['people', 'challengeNew', 'reports', 'authoring', 'performancePlan'] as const) expect(isManagerRoute(name)).toBe(true);
    for (const name of ['feed', 'challenges', 'challenge', 'results', 'learn', 'person', 'notifications'] as const) expect(isManagerRoute(name)).toBe(false);
  });
});

describe('builders for a member who manages content', () => {
  it('opens the builders an agency grant or a function allows, and nothing else of the managers’ screens', async () => {
    const { isRefusedRoute, buildsContent } = await import('./routes');
    const agency = { role: 'MEMBER', manages: ['challenges', 'dashboards'] };
    expect(isRefusedRoute('challengeNew', agency)).toBe(false);
    expect(isRefusedRoute('challengeEdit', agency)).toBe(false);
    expect(isRefusedRoute('authoring', agency)).toBe(true);
    expect(isRefusedRoute('people', agency)).toBe(true);
    expect(isRefusedRoute('feed', agency)).toBe(false);
    const seller = { role: 'MEMBER', manages: [] };
    expect(isRefusedRoute('challengeNew', seller)).toBe(true);
    expect(isRefusedRoute('moduleNew', { role: 'MEMBER' })).toBe(true); // a viewer cached before the field existed
    expect(isRefusedRoute('people', { role: 'MANAGER', manages: [] })).toBe(false);
    expect(buildsContent({ role: 'MEMBER', manages: ['modules'] }, 'modules')).toBe(true);
    expect(buildsContent({ role: 'MEMBER', manages: ['modules'] }, 'challenges')).toBe(false);
  });
});
