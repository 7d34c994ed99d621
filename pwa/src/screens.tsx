/**
 * Which screen each route of the route table (lib/routes.ts) shows. Every
 * screen is lazy: its code is a chunk of its own, fetched when the route
 * first opens, or at start for the route the app opens on (`preloadScreen`).
 */
import type { ViewerFieldsFragment as Viewer } from './graphql/accounts.generated';
import { findRoute, type Route, type RouteName } from './lib/routes';
import { lazyScreen, type LazyScreen } from './components/shell/lazyScreen';

/** What the shell hands every signed-in screen. */
export interface ScreenProps {
  route: Route;
  search: URLSearchParams;
  viewer: Viewer;
  onNotice: (message: string) => void;
  /** The composer sheet, opened from the tab bar over the feed. */
  composing: boolean;
  onCompose: () => void;
  onComposeClose: () => void;
}

/** What the sign-in screens get. */
export interface AuthScreenProps {
  search: URLSearchParams;
  notice: string | null;
  onSignedIn: (viewer: Viewer) => void;
}

type AuthRoute = 'login' | 'signup' | 'passwordForgot' | 'passwordReset' | 'invitation' | 'setup';
const AUTH_ROUTES: ReadonlySet<RouteName> = new Set<RouteName>(['login', 'signup', 'passwordForgot', 'passwordReset', 'invitation', 'setup']);
type SignedInRoute = Exclude<RouteName, AuthRoute>;

const id = (props: ScreenProps) => props.route.id ?? '';

export const AUTH_SCREENS: Record<AuthRoute, LazyScreen<AuthScreenProps>> = {
  setup: lazyScreen(
    () => import('./components/network/NetworkSetupPage'),
    ({ NetworkSetupPage }, p) => <NetworkSetupPage onSignedIn={p.onSignedIn} />,
  ),
  passwordForgot: lazyScreen(
    () => import('./components/accounts/AccountsForgotPasswordForm'),
    ({ AccountsForgotPasswordForm }) => <AccountsForgotPasswordForm />,
  ),
  passwordReset: lazyScreen(
    () => import('./components/accounts/AccountsResetPasswordForm'),
    ({ AccountsResetPasswordForm }, p) => <AccountsResetPasswordForm onSignedIn={p.onSignedIn} />,
  ),
  invitation: lazyScreen(
    () => import('./components/accounts/AccountsInvitationPage'),
    ({ AccountsInvitationPage }, p) => <AccountsInvitationPage onSignedIn={p.onSignedIn} />,
  ),
  login: lazyScreen(
    () => import('./components/accounts/AccountsLoginForm'),
    ({ AccountsLoginForm }, p) => <AccountsLoginForm onSignedIn={p.onSignedIn} notice={p.notice} />,
  ),
  signup: lazyScreen(
    () => import('./components/accounts/AccountsSignUpForm'),
    ({ AccountsSignUpForm }, p) => <AccountsSignUpForm initialCode={p.search.get('code') ?? ''} onSignedIn={p.onSignedIn} />,
  ),
};

/** A showroom screen's kiosk link (/kiosk/<token>): the TV board alone, without a session. */
export const KIOSK_SCREEN: LazyScreen<{ token: string }> = lazyScreen(
  () => import('./components/challenges/ChallengesKiosk'),
  ({ ChallengesKiosk }, p) => <ChallengesKiosk token={p.token} />,
);

export const SCREENS: Record<SignedInRoute, LazyScreen<ScreenProps>> = {
  feed: lazyScreen(
    () => import('./components/feed/FeedPage'),
    ({ FeedPage }, p) => (
      <FeedPage viewer={p.viewer} composing={p.composing} onCompose={p.onCompose} onComposeClose={p.onComposeClose} onNotice={p.onNotice} />
    ),
  ),
  post: lazyScreen(
    () => import('./components/feed/FeedPostPage'),
    ({ FeedPostPage }, p) => <FeedPostPage key={id(p)} postId={id(p)} viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  reports: lazyScreen(
    () => import('./components/feed/FeedReportsPage'),
    ({ FeedReportsPage }) => <FeedReportsPage />,
  ),
  notifications: lazyScreen(
    () => import('./components/notifications/NotificationsPage'),
    ({ NotificationsPage }) => <NotificationsPage />,
  ),
  notificationSettings: lazyScreen(
    () => import('./components/notifications/NotificationsSettingsPage'),
    ({ NotificationsSettingsPage }) => <NotificationsSettingsPage />,
  ),
  // challenges
  challenges: lazyScreen(
    () => import('./components/challenges/ChallengesList'),
    ({ ChallengesList }, p) => <ChallengesList viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  challenge: lazyScreen(
    () => import('./components/challenges/ChallengesPage'),
    ({ ChallengesPage }, p) => <ChallengesPage key={id(p)} id={id(p)} />,
  ),
  challengeTv: lazyScreen(
    () => import('./components/challenges/ChallengesTvMode'),
    ({ ChallengesTvMode }, p) => <ChallengesTvMode key={id(p)} id={id(p)} />,
  ),
  challengeEdit: lazyScreen(
    () => import('./components/challenges/ChallengesEdit'),
    ({ ChallengesEdit }, p) => <ChallengesEdit key={id(p)} id={id(p)} onNotice={p.onNotice} />,
  ),
  challengeNew: lazyScreen(
    () => import('./components/challenges/ChallengesWizard'),
    ({ ChallengesWizard }, p) => <ChallengesWizard onNotice={p.onNotice} />,
  ),
  challengeManage: lazyScreen(
    () => import('./components/challenges/ChallengesManage'),
    ({ ChallengesManage }, p) => <ChallengesManage viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  challengeAudit: lazyScreen(
    () => import('./components/challenges/ChallengesAudit'),
    ({ ChallengesAudit }) => <ChallengesAudit />,
  ),
  challengeTokens: lazyScreen(
    () => import('./components/challenges/ChallengesTokens'),
    ({ ChallengesTokens }) => <ChallengesTokens />,
  ),
  // recognition
  badges: lazyScreen(
    () => import('./components/badges/BadgesCatalogue'),
    ({ BadgesCatalogue }, p) => <BadgesCatalogue viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  awardBadge: lazyScreen(
    () => import('./components/badges/BadgesAwardFlow'),
    ({ BadgesAwardFlow }, p) => <BadgesAwardFlow viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  wall: lazyScreen(
    () => import('./components/badges/BadgesWallOfFame'),
    ({ BadgesWallOfFame }, p) => <BadgesWallOfFame unitId={p.search.get('unit')} />,
  ),
  person: lazyScreen(
    () => import('./components/badges/BadgesProfile'),
    ({ BadgesProfile }, p) => <BadgesProfile key={id(p)} personId={id(p)} viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  // train and evaluate
  learn: lazyScreen(
    () => import('./components/training/TrainingLearnPage'),
    ({ TrainingLearnPage }) => <TrainingLearnPage />,
  ),
  module: lazyScreen(
    () => import('./components/training/TrainingModulePage'),
    ({ TrainingModulePage }, p) => <TrainingModulePage key={id(p)} id={id(p)} onNotice={p.onNotice} />,
  ),
  quiz: lazyScreen(
    () => import('./components/training/TrainingQuizPage'),
    ({ TrainingQuizPage }, p) => <TrainingQuizPage key={id(p)} id={id(p)} onNotice={p.onNotice} />,
  ),
  results: lazyScreen(
    () => import('./components/dashboards/DashboardsMyPage'),
    ({ DashboardsMyPage }, p) => <DashboardsMyPage viewer={p.viewer} />,
  ),
  team: lazyScreen(
    () => import('./components/dashboards/DashboardsUnitPage'),
    ({ DashboardsUnitPage }, p) => <DashboardsUnitPage viewer={p.viewer} unitId={null} onNotice={p.onNotice} />,
  ),
  teamUnit: lazyScreen(
    () => import('./components/dashboards/DashboardsUnitPage'),
    ({ DashboardsUnitPage }, p) => <DashboardsUnitPage key={id(p)} viewer={p.viewer} unitId={id(p)} onNotice={p.onNotice} />,
  ),
  pointOfSale: lazyScreen(
    () => import('./components/evaluation/EvaluationPointOfSalePage'),
    ({ EvaluationPointOfSalePage }, p) => <EvaluationPointOfSalePage unitId={null} onNotice={p.onNotice} />,
  ),
  pointOfSaleUnit: lazyScreen(
    () => import('./components/evaluation/EvaluationPointOfSalePage'),
    ({ EvaluationPointOfSalePage }, p) => <EvaluationPointOfSalePage key={id(p)} unitId={id(p)} onNotice={p.onNotice} />,
  ),
  actionPlan: lazyScreen(
    () => import('./components/evaluation/EvaluationActionPlanPage'),
    ({ EvaluationActionPlanPage }, p) => <EvaluationActionPlanPage key={id(p)} id={id(p)} onNotice={p.onNotice} />,
  ),
  assessment: lazyScreen(
    () => import('./components/evaluation/EvaluationAssessmentPage'),
    ({ EvaluationAssessmentPage }, p) => <EvaluationAssessmentPage key={id(p)} id={id(p)} onNotice={p.onNotice} />,
  ),
  changePassword: lazyScreen(
    () => import('./components/accounts/AccountsChangePasswordPage'),
    ({ AccountsChangePasswordPage }, p) => <AccountsChangePasswordPage onNotice={p.onNotice} />,
  ),
  privacy: lazyScreen(
    () => import('./components/privacy/PrivacyPage'),
    ({ PrivacyPage }, p) => <PrivacyPage onNotice={p.onNotice} />,
  ),
  privacyAdmin: lazyScreen(
    () => import('./components/privacy/PrivacyAdminPage'),
    ({ PrivacyAdminPage }, p) => <PrivacyAdminPage viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  people: lazyScreen(
    () => import('./components/people/PeoplePage'),
    ({ PeoplePage }, p) => <PeoplePage viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  network: lazyScreen(
    () => import('./components/network/NetworkPage'),
    ({ NetworkPage }, p) => <NetworkPage viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  audit: lazyScreen(
    () => import('./components/audit/AuditPage'),
    ({ AuditPage }, p) => <AuditPage viewer={p.viewer} />,
  ),
  performancePlan: lazyScreen(
    () => import('./components/plans/PlansPerformancePage'),
    ({ PlansPerformancePage }, p) => <PlansPerformancePage viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  ourPlan: lazyScreen(
    () => import('./components/plans/PlansOurPage'),
    ({ PlansOurPage }, p) => <PlansOurPage viewer={p.viewer} onNotice={p.onNotice} />,
  ),
  ourPlanReview: lazyScreen(
    () => import('./components/plans/PlansReviewPage'),
    ({ PlansReviewPage }, p) => <PlansReviewPage planId={p.search.get('plan')} onNotice={p.onNotice} />,
  ),
  // content authoring
  authoring: lazyScreen(
    () => import('./components/training/TrainingAuthoringPage'),
    ({ TrainingAuthoringPage }, p) => <TrainingAuthoringPage viewer={p.viewer} />,
  ),
  moduleNew: lazyScreen(
    () => import('./components/training/TrainingModuleEditor'),
    ({ TrainingModuleEditor }, p) => <TrainingModuleEditor viewer={p.viewer} id={null} onNotice={p.onNotice} />,
  ),
  moduleEdit: lazyScreen(
    () => import('./components/training/TrainingModuleEditor'),
    ({ TrainingModuleEditor }, p) => <TrainingModuleEditor key={id(p)} viewer={p.viewer} id={id(p)} onNotice={p.onNotice} />,
  ),
  modulePreview: lazyScreen(
    () => import('./components/training/TrainingModulePreview'),
    ({ TrainingModulePreview }, p) => <TrainingModulePreview key={id(p)} id={id(p)} />,
  ),
  skillsGrids: lazyScreen(
    () => import('./components/evaluation/EvaluationGridsPage'),
    ({ EvaluationGridsPage }, p) => <EvaluationGridsPage viewer={p.viewer} onNotice={p.onNotice} />,
  ),
};

export function isAuthRoute(name: RouteName): name is AuthRoute {
  return AUTH_ROUTES.has(name);
}

/** Starts fetching the screen a path opens on, alongside the session check. */
export function preloadScreen(pathname: string): void {
  const route = findRoute(pathname);
  const name = route?.name ?? 'feed';
  void (isAuthRoute(name) ? AUTH_SCREENS[name] : SCREENS[name]).preload().catch(() => undefined);
}
