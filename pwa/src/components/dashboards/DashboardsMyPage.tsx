import { language, t } from '../../i18n';
import { indexValue, percent } from '../../lib/levers';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverStat } from '../levers/LeverStat';
import { LeverState } from '../levers/LeverState';
import { useSubscription } from '../../graphql/hooks';
import { DashboardsRadar } from './DashboardsRadar';
import { DashboardsResults } from './DashboardsResults';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { MyDashboardLiveDocument } from '../../graphql/dashboards.generated';

function amount(value: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** « Mes résultats »: my results against targets, my challenge standings, my training, quizzes, skills and my point of sale, live. */
export function DashboardsMyPage({ viewer }: { viewer: Viewer }) {
  const state = useSubscription(MyDashboardLiveDocument, {}, { keep: true });
  return (
    <section class="lever-page" aria-labelledby="results-title">
      <h1 id="results-title" class="lever-title">
        {t('dashboards.myTitle')}
      </h1>
      <nav class="lever-links" aria-label={t('dashboards.managerLinks')}>
        <a class="button button-small" href={LEVER_PATHS.ourPlan} onClick={linkClick}>
          {t('ourPlan.link')}
        </a>
        <a class="button button-small" href={LEVER_PATHS.pointOfSale} onClick={linkClick}>
          {t('dashboards.posLink')}
        </a>
        {viewer.role !== 'MEMBER' ? (
          <a class="button button-small" href={LEVER_PATHS.team} onClick={linkClick}>
            {t('dashboards.teamLink')}
          </a>
        ) : null}
        {viewer.role === 'ADMIN' ? (
          <a class="button button-small" href={LEVER_PATHS.performancePlan} onClick={linkClick}>
            {t('plans.link')}
          </a>
        ) : null}
      </nav>
      <LeverState state={state}>
        {({ myDashboard: { dashboard: me } }) => (
          <>
            <h2 class="lever-subtitle">{t('dashboards.resultsTitle')}</h2>
            <DashboardsResults results={me.results} testId="my-results" />
            <h2 class="lever-subtitle">{t('dashboards.standingsTitle')}</h2>
            {me.standings.length === 0 ? (
              <p class="lever-empty">{t('dashboards.noStandings')}</p>
            ) : (
              <ul class="lever-list" data-testid="my-standings">
                {me.standings.map((standing) => (
                  <li key={standing.challengeId}>
                    <a class="lever-card" href={`/challenges/${standing.challengeId}`} onClick={linkClick}>
                      <span class="lever-card-title">{standing.name}</span>
                      <span class="lever-muted">
                        {standing.rank === 1
                          ? t('dashboards.standingFirst', { count: standing.participantCount })
                          : t('dashboards.standingRank', { rank: standing.rank ?? '–', count: standing.participantCount })}{' '}
                        · {t('dashboards.standingScore', { score: amount(standing.score) })}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <div class="lever-stats">
              <LeverStat
                label={t('dashboards.trainingDone')}
                value={`${me.modulesCompleted}/${me.modulesAssigned}`}
                hint={percent(me.completionRate, language)}
                href={LEVER_PATHS.learn}
                testId="my-modules-completed"
              />
              <LeverStat
                label={t('dashboards.quizAverage')}
                value={percent(me.quizAverage, language)}
                hint={t('dashboards.quizzesTaken', { count: me.quizzesTaken })}
                href={LEVER_PATHS.learn}
                testId="my-quiz-average"
              />
              {me.pointOfSaleName ? (
                <LeverStat
                  label={t('dashboards.satisfactionOf', { name: me.pointOfSaleName })}
                  value={indexValue(me.satisfactionIndex, language)}
                  hint={t('dashboards.targetShort', { target: me.satisfactionTarget ?? '–' })}
                  href={LEVER_PATHS.pointOfSale}
                  tone={
                    me.satisfactionIndex === null || me.satisfactionTarget === null
                      ? null
                      : me.satisfactionIndex >= me.satisfactionTarget
                        ? 'ok'
                        : 'warn'
                  }
                />
              ) : null}
            </div>
            <h2 class="lever-subtitle">{t('dashboards.badgesTitle')}</h2>
            {me.badges.length === 0 ? (
              <p class="lever-empty">{t('dashboards.noBadges')}</p>
            ) : (
              <ul class="held-badges">
                {me.badges.map((badge) => (
                  <li key={`${badge.badgeId}-${badge.level ?? ''}`} class={badge.kind === 'LABEL' ? 'held-label' : ''}>
                    <span aria-hidden="true">{badge.emoji}</span>
                    <span>{badge.level ? `${badge.name} · ${badge.level}` : badge.name}</span>
                  </li>
                ))}
              </ul>
            )}
            <h2 class="lever-subtitle">{t('dashboards.skillsTitle')}</h2>
            {me.skills.length === 0 ? (
              <p class="lever-empty">{t('dashboards.noSkills')}</p>
            ) : (
              <>
                <DashboardsRadar skills={me.skills} />
                <ul class="skill-list">
                  {me.skills.map((skill) => (
                    <li key={skill.skillId}>
                      <span class="skill-name">{skill.skillName}</span>
                      <span class="skill-level">{t('dashboards.level', { level: skill.level })}</span>
                      <span class="lever-muted">{skill.descriptor}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </LeverState>
    </section>
  );
}
