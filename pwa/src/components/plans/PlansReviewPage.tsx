import { useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { useQuery } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { leverFigure, signed } from '../../lib/ourPlan';
import { LeverState } from '../levers/LeverState';
import { PlansEffectIndicator } from './PlansEffectIndicator';
import { LEVER_NAMES } from './PlansUnitFocus';
import { PlanListDocument, PlanReviewCsvDocument, PlanReviewDocument } from '../../graphql/plans.generated';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import type { ImprovementVerdict } from '../../graphql/types.generated';
import './PlansOurPage.css';

const GROUPS: readonly ImprovementVerdict[] = ['WORKED', 'DID_NOT_WORK', 'TOO_EARLY', 'NOT_MEASURED'];
const GROUP_KEYS = {
  WORKED: 'review.worked',
  DID_NOT_WORK: 'review.didNotWork',
  TOO_EARLY: 'review.tooEarly',
  NOT_MEASURED: 'review.notMeasured',
} as const;
const KIND_KEYS = {
  ACTION_PLAN: 'review.kind.actionPlan',
  CHALLENGE: 'review.kind.challenge',
  TRAINING_CAMPAIGN: 'review.kind.trainingCampaign',
} as const;

/** The current plan, or the latest: the one whose period holds today. */
function currentPlan<T extends { id: string; startsOn: string; endsOn: string }>(plans: readonly T[]): T | undefined {
  const today = new Date().toISOString().slice(0, 10);
  return plans.find((p) => p.startsOn <= today && today <= p.endsOn) ?? plans[0];
}

/** The quarterly review: which actions paid (their indicator before and after, beside comparable units), exportable and printable. */
export function PlansReviewPage({
  planId,
  viewer,
  onNotice,
}: {
  planId: string | null;
  viewer: Viewer;
  onNotice: (message: string) => void;
}) {
  // the review is for managers and head office: a member's app asks nothing
  const member = viewer.role === 'MEMBER';
  const plans = useQuery(PlanListDocument, {}, { skip: planId !== null || member });
  const chosen = planId ?? (plans.state.status === 'ready' ? currentPlan(plans.state.data.performancePlans)?.id : undefined) ?? null;
  const review = useQuery(PlanReviewDocument, { planId: chosen ?? '' }, { skip: chosen === null || member });
  const [busy, setBusy] = useState(false);
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  async function download() {
    if (!chosen) return;
    setBusy(true);
    try {
      const { planReviewCsv } = await request(PlanReviewCsvDocument, { planId: chosen });
      const url = URL.createObjectURL(new Blob(['\ufeff', planReviewCsv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'elan-revue-du-plan.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="lever-page plan-review" aria-labelledby="review-title">
      <h1 id="review-title" class="lever-title">
        {t('review.title')}
      </h1>
      {member ? <p class="lever-empty">{t('review.managersOnly')}</p> : null}
      {!member && planId === null && plans.state.status === 'ready' && plans.state.data.performancePlans.length === 0 ? (
        <p class="lever-empty">{t('ourPlan.none')}</p>
      ) : null}
      {member ? null : chosen === null ? (
        <LeverState state={plans.state} onRetry={plans.reload}>
          {() => null}
        </LeverState>
      ) : (
      <LeverState state={review.state} onRetry={review.reload}>
        {({ planReview }) => (
          <>
            <p class="lever-muted">
              {planReview.plan.name} ·{' '}
              {t('plans.period', {
                start: dates.format(new Date(`${planReview.plan.startsOn}T12:00:00`)),
                end: dates.format(new Date(`${planReview.plan.endsOn}T12:00:00`)),
              })}
            </p>
            <div class="lever-links plan-no-print">
              <button type="button" class="button button-small" disabled={busy} onClick={() => void download()}>
                {t('dashboards.exportCsv')}
              </button>
              <button type="button" class="button button-small" onClick={() => window.print()}>
                {t('review.print')}
              </button>
            </div>
            <p class="lever-muted">{t('review.how')}</p>
            {planReview.effects.length === 0 ? <p class="lever-empty">{t('review.none')}</p> : null}
            {GROUPS.map((verdict) => {
              const found = planReview.effects.filter((e) => e.verdict === verdict);
              if (found.length === 0) return null;
              return (
                <section key={verdict} aria-labelledby={`review-${verdict}`}>
                  <h2 id={`review-${verdict}`} class="lever-subtitle">
                    {t(GROUP_KEYS[verdict])}
                  </h2>
                  <ul class="lever-list" data-testid={`review-${verdict}`}>
                    {found.map((e) => (
                      <li key={e.id} class={`lever-card plan-effect plan-effect-${verdict.toLowerCase()}`}>
                        <span class="lever-card-title">{e.title}</span>
                        <span class="lever-muted">
                          {t(KIND_KEYS[e.kind])} · {e.unitName} · {t(LEVER_NAMES[e.indicator])}
                        </span>
                        <span>
                          {t('review.beforeAfter', {
                            before: leverFigure(e.indicator, e.before, language),
                            after: leverFigure(e.indicator, e.after, language),
                            change: signed(e.change, language),
                          })}
                        </span>
                        <span class="lever-muted">
                          {t('review.comparable', { count: e.comparableUnits, change: signed(e.comparableChange, language) })}
                        </span>
                        <span class="plan-effect-figure">{t('review.effect', { effect: signed(e.effect, language) })}</span>
                        {e.mayChangeIndicator ? (
                          <PlansEffectIndicator
                            key={`${e.id}-${e.indicator}`}
                            actionId={e.id}
                            title={e.title}
                            indicator={e.indicator}
                            onChanged={() => {
                              onNotice(t('review.indicator.saved'));
                              review.reload();
                            }}
                          />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </>
        )}
      </LeverState>
      )}
    </section>
  );
}
