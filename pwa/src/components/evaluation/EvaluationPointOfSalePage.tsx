import { language, t } from '../../i18n';
import { indexValue } from '../../lib/levers';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { DashboardsTrendChart } from '../dashboards/DashboardsTrendChart';
import { LeverProgressBar } from '../levers/LeverProgressBar';
import { LeverStat } from '../levers/LeverStat';
import { LeverState } from '../levers/LeverState';
import { useQuery } from '../../graphql/hooks';
import { EvaluationNewPlanForm, EvaluationSurveyForm, EvaluationVisitForm } from './EvaluationRecordForms';
import { MyAssessmentsDocument, PointOfSaleDocument } from '../../graphql/evaluation.generated';

/** « Mon point de vente »: satisfaction against target, mystery visits, the team's action plans. */
export function EvaluationPointOfSalePage({ unitId, onNotice }: { unitId: string | null; onNotice: (message: string) => void }) {
  const { state, reload } = useQuery(PointOfSaleDocument, { unitId });
  const assessments = useQuery(MyAssessmentsDocument, {});
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' });
  return (
    <section class="lever-page" aria-labelledby="pos-title">
      <LeverState state={state} onRetry={reload}>
        {({ pointOfSale: pos }) =>
          !pos ? (
            <p class="lever-empty">{t('pos.none')}</p>
          ) : (
            <>
              <h1 id="pos-title" class="lever-title">
                {pos.unitName}
              </h1>
              <div class="lever-stats">
                <LeverStat
                  label={t('pos.index')}
                  value={indexValue(pos.index, language)}
                  hint={t('dashboards.targetShort', { target: pos.target })}
                  tone={pos.index === null ? null : pos.belowTarget ? 'warn' : 'ok'}
                  testId="pos-index"
                />
                <LeverStat label={t('pos.visits')} value={String(pos.mysteryVisits.length)} href="#visits" />
              </div>
              {pos.belowTarget ? <p class="lever-warn">{t('pos.belowTarget')}</p> : null}
              <h2 class="lever-subtitle">{t('dashboards.satisfactionTrend')}</h2>
              <DashboardsTrendChart points={pos.trend} target={pos.target} />

              <h2 class="lever-subtitle" id="plans">
                {t('pos.plans')}
              </h2>
              {pos.actionPlans.length === 0 ? <p class="lever-empty">{t('dashboards.noPlans')}</p> : null}
              <ul class="lever-list">
                {pos.actionPlans.map((plan) => (
                  <li key={plan.id}>
                    <a class="lever-card" href={LEVER_PATHS.actionPlan(plan.id)} onClick={linkClick}>
                      <span class="lever-card-title">{plan.title}</span>
                      <LeverProgressBar done={plan.progressPercent} total={100} label={t('plans.progress', { value: Math.round(plan.progressPercent) })} />
                      <span class="lever-muted">
                        {plan.status === 'OPEN' ? t('plans.open') : t('plans.closed')} · {t('plans.progress', { value: Math.round(plan.progressPercent) })}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>

              <EvaluationNewPlanForm unitId={pos.unitId} surveyId={pos.surveys[0]?.id ?? null} onNotice={onNotice} />
              {pos.canRecord ? <EvaluationSurveyForm unitId={pos.unitId} onDone={reload} onNotice={onNotice} /> : null}
              {pos.canRecord ? <EvaluationVisitForm unitId={pos.unitId} onDone={reload} onNotice={onNotice} /> : null}

              <h2 class="lever-subtitle" id="visits">
                {t('pos.visitsTitle')}
              </h2>
              <ul class="lever-list">
                {pos.mysteryVisits.map((visit) => (
                  <li key={visit.id} class="lever-card">
                    <span class="lever-card-top">
                      <span class="lever-card-title">{dates.format(new Date(`${visit.visitedOn}T12:00:00`))}</span>
                      <strong>{indexValue(visit.globalScore, language)}</strong>
                    </span>
                    {visit.sections.map((section) => (
                      <span key={section.name} class="visit-section">
                        <span>{section.name}</span>
                        <LeverProgressBar done={section.score} total={100} label={`${section.name} ${section.score}`} />
                      </span>
                    ))}
                    {visit.comment ? <span class="lever-muted">{visit.comment}</span> : null}
                  </li>
                ))}
              </ul>

              <h2 class="lever-subtitle">{t('pos.surveysTitle')}</h2>
              <ul class="survey-list">
                {pos.surveys.map((survey) => (
                  <li key={survey.id}>
                    <span>{dates.format(new Date(`${survey.periodEnd}T12:00:00`))}</span>
                    <span>
                      {survey.kind === 'NPS' ? t('pos.nps', { value: survey.value }) : t('pos.score10', { value: survey.value })}
                    </span>
                    <span class="lever-muted">{t('pos.sample', { count: survey.sampleSize })}</span>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </LeverState>
      <LeverState state={assessments.state}>
        {({ myAssessments }) =>
          myAssessments.length > 0 ? (
            <>
              <h2 class="lever-subtitle">{t('assessment.mine')}</h2>
              <ul class="lever-list">
                {myAssessments.map((a) => (
                  <li key={a.id}>
                    <a class="lever-card" href={LEVER_PATHS.assessment(a.id)} onClick={linkClick}>
                      <span class="lever-card-title">{a.gridName}</span>
                      <span class="lever-muted">{a.outcome === 'PASSED' ? t('assessment.passed') : t('assessment.notPassed')}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null
        }
      </LeverState>
    </section>
  );
}
