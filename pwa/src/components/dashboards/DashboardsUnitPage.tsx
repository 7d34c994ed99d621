import { language, t } from '../../i18n';
import { indexValue, percent } from '../../lib/levers';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { EvaluationAssessPanel } from '../evaluation/EvaluationAssessPanel';
import { EvaluationCsvImportPanel } from '../evaluation/EvaluationCsvImportPanel';
import { LeverStat } from '../levers/LeverStat';
import { LeverState } from '../levers/LeverState';
import { useSubscription } from '../../graphql/hooks';
import { TrainingParticipationPanel } from '../training/TrainingParticipationPanel';
import { DashboardsCsvButton } from './DashboardsCsvButton';
import { DashboardsTeamSkills } from './DashboardsTeamSkills';
import { DashboardsResults } from './DashboardsResults';
import { DashboardsTrendChart } from './DashboardsTrendChart';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { UnitDashboardLiveDocument } from '../../graphql/dashboards.generated';

/** A manager's unit, live: figures, ranking of sub-units, satisfaction, plans; who to remind; assess. */
interface DashboardsUnitPageProps {
  viewer: Viewer;
  unitId: string | null;
  onNotice: (message: string) => void;
}

export function DashboardsUnitPage({ viewer, unitId, onNotice }: DashboardsUnitPageProps) {
  const state = useSubscription(UnitDashboardLiveDocument, { unitId }, { skip: !(viewer.role !== 'MEMBER') });
  if (viewer.role === 'MEMBER') return <p class="lever-empty">{t('dashboards.managersOnly')}</p>;
  return (
    <section class="lever-page" aria-labelledby="team-title">
      <LeverState state={state}>
        {({ unitDashboard: { dashboard: board, version } }) => {
          const f = board.figures;
          return (
            <>
              <h1 id="team-title" class="lever-title" data-version={version}>
                {t('dashboards.unitTitle', { name: board.unitName })}
              </h1>
              <div class="lever-stats">
                <LeverStat
                  label={t('dashboards.completionRate')}
                  value={percent(f.completionRate, language)}
                  hint={t('dashboards.completedOf', { done: f.completed, total: f.assigned })}
                  href="#participation"
                  testId="unit-completion"
                />
                <LeverStat label={t('dashboards.completedCount')} value={String(f.completed)} href="#participation" testId="unit-completed" />
                <LeverStat label={t('dashboards.notStarted')} value={String(f.notStarted)} href="#participation" testId="unit-not-started" />
                <LeverStat
                  label={t('dashboards.quizAverage')}
                  value={percent(f.quizAverage, language)}
                  hint={t('dashboards.quizScores', { count: f.quizScoresCount })}
                  href="#sub-units"
                  testId="unit-quiz-average"
                />
                <LeverStat
                  label={t('dashboards.satisfaction')}
                  value={indexValue(board.satisfactionIndex, language)}
                  hint={t('dashboards.targetShort', { target: board.satisfactionTarget })}
                  href="#satisfaction"
                  tone={board.satisfactionIndex === null ? null : board.satisfactionIndex >= board.satisfactionTarget ? 'ok' : 'warn'}
                />
                <LeverStat label={t('dashboards.openPlans')} value={String(board.openActionPlans.length)} href="#plans" />
                <LeverStat label={t('dashboards.badgesThisMonth')} value={String(board.badgesThisMonth)} href="/wall" testId="unit-badges" />
              </div>

              <h2 class="lever-subtitle" id="results">
                {t('dashboards.unitResultsTitle')}
              </h2>
              <DashboardsResults results={board.results} testId="unit-results" />

              <div class="lever-section-head" id="sub-units">
                <h2 class="lever-subtitle">{t('dashboards.ranking')}</h2>
                <DashboardsCsvButton unitId={board.unitId} table="SUB_UNITS" onNotice={onNotice} />
              </div>
              <div class="lever-table-wrap" tabIndex={0} role="region" aria-label={t('dashboards.ranking')}>
                <table class="lever-table">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('dashboards.unit')}</th>
                      <th scope="col">{t('dashboards.completionShort')}</th>
                      <th scope="col">{t('dashboards.quizShort')}</th>
                      <th scope="col">{t('dashboards.satisfactionShort')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {board.subUnits.map((row) => (
                      <tr key={row.unitId}>
                        <td>{row.rank}</td>
                        <th scope="row">
                          <a href={LEVER_PATHS.teamUnit(row.unitId)} onClick={linkClick}>
                            {row.name}
                          </a>
                        </th>
                        <td>{percent(row.figures.completionRate, language)}</td>
                        <td>{percent(row.figures.quizAverage, language)}</td>
                        <td>
                          {row.kind === 'POINT_OF_SALE' ? (
                            <a href={LEVER_PATHS.pointOfSaleUnit(row.unitId)} onClick={linkClick}>
                              {indexValue(row.satisfactionIndex, language)}
                            </a>
                          ) : (
                            indexValue(row.satisfactionIndex, language)
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>

              <div class="lever-section-head" id="satisfaction">
                <h2 class="lever-subtitle">{t('dashboards.satisfactionTrend')}</h2>
                <DashboardsCsvButton unitId={board.unitId} table="SATISFACTION" onNotice={onNotice} />
              </div>
              <DashboardsTrendChart points={board.satisfactionTrend} target={board.satisfactionTarget} />
              <DashboardsTeamSkills unitId={board.unitId} />

              <div class="lever-section-head" id="plans">
                <h2 class="lever-subtitle">{t('dashboards.openPlans')}</h2>
                <DashboardsCsvButton unitId={board.unitId} table="ACTION_PLANS" onNotice={onNotice} />
              </div>
              {board.openActionPlans.length === 0 ? <p class="lever-empty">{t('dashboards.noPlans')}</p> : null}
              <ul class="lever-list">
                {board.openActionPlans.map((plan) => (
                  <li key={plan.id}>
                    <a class="lever-card" href={LEVER_PATHS.actionPlan(plan.id)} onClick={linkClick}>
                      <span class="lever-card-title">{plan.title}</span>
                      <span class="lever-muted">
                        {plan.unitName} · {t('plans.progress', { value: Math.round(plan.progressPercent) })}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>

              <div class="lever-section-head" id="participation">
                <h2 class="lever-subtitle">{t('training.participationTitle')}</h2>
                <DashboardsCsvButton unitId={board.unitId} table="PEOPLE" onNotice={onNotice} />
              </div>
              <TrainingParticipationPanel unitId={unitId} onNotice={onNotice} />
              <EvaluationAssessPanel unitId={board.unitId} onNotice={onNotice} />
              <EvaluationCsvImportPanel onNotice={onNotice} />
            </>
          );
        }}
      </LeverState>
    </section>
  );
}
