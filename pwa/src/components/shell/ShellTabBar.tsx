import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../i18n';
import { LEVER_PATHS, ROUTE_PATHS, type RouteName } from '../../lib/routes';
import { linkClick } from '../../router';
import './ShellTabBar.css';

interface ShellTabBarProps {
  onCompose: () => void;
  route: RouteName | null;
}

const LEARN: ReadonlySet<RouteName> = new Set(['learn', 'module', 'quiz']);
const RESULTS: ReadonlySet<RouteName> = new Set([
  'results',
  'team',
  'teamUnit',
  'performancePlan',
  'ourPlan',
  'ourPlanReview',
  'pointOfSale',
  'pointOfSaleUnit',
  'actionPlan',
  'assessment',
]);
const CHALLENGES: ReadonlySet<RouteName> = new Set(['challenges', 'challenge', 'challengeTv', 'challengeNew', 'challengeManage', 'challengeEdit']);

const ICONS = {
  feed: <path d="M4 5h16M4 12h16M4 19h10" stroke-width="2.2" />,
  challenges: <path d="M7 4h10v4a5 5 0 0 1-10 0zM7 6H4a3 3 0 0 0 3 4M17 6h3a3 3 0 0 1-3 4M12 13v4M8 20h8" stroke-width="2" stroke-linejoin="round" />,
  learn: <path d="M3 8l9-4 9 4-9 4-9-4zm4 2v5c3 2 7 2 10 0v-5" stroke-width="2" stroke-linejoin="round" />,
  results: <path d="M5 20V11M12 20V5M19 20v-7" stroke-width="2.4" />,
  compose: <path d="M12 5v14M5 12h14" stroke-width="2.4" />,
};

function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-linecap="round">
      {children}
    </svg>
  );
}

function Tab({ href, label, current, icon }: { href: string; label: MessageKey; current: boolean; icon: ComponentChildren }) {
  return (
    <a href={href} class="tab" aria-current={current ? 'page' : undefined} onClick={linkClick}>
      <Icon>{icon}</Icon>
      <span class="tab-label">{t(label)}</span>
    </a>
  );
}

/**
 * Bottom navigation, in thumb's reach: four destinations (feed, challenges, learning, my results)
 * around the one main action, « Publier », a labelled button. Notifications sit in the header;
 * everything else is in the profile menu.
 */
export function ShellTabBar({ onCompose, route }: ShellTabBarProps) {
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      <Tab href={ROUTE_PATHS.feed} label="nav.feed" current={route === 'feed'} icon={ICONS.feed} />
      <Tab href={ROUTE_PATHS.challenges} label="nav.challenges" current={route !== null && CHALLENGES.has(route)} icon={ICONS.challenges} />
      <button type="button" class="tab tab-compose" onClick={onCompose}>
        <span class="tab-compose-icon">
          <Icon>{ICONS.compose}</Icon>
        </span>
        <span class="tab-label">{t('nav.compose')}</span>
      </button>
      <Tab href={LEVER_PATHS.learn} label="nav.learn" current={route !== null && LEARN.has(route)} icon={ICONS.learn} />
      <Tab href={LEVER_PATHS.results} label="nav.results" current={route !== null && RESULTS.has(route)} icon={ICONS.results} />
    </nav>
  );
}
