import { t } from '../../i18n';
import { stepLink } from '../../lib/ourPlan';
import { linkClick } from '../../router';
import type { PlanNextStepFieldsFragment as Step } from '../../graphql/plans.generated';

const STEP_KEYS = {
  COMPLETE_MODULE: 'ourPlan.step.completeModule',
  TAKE_QUIZ: 'ourPlan.step.takeQuiz',
  FOLLOW_ACTION_PLAN: 'ourPlan.step.followActionPlan',
  START_ACTION_PLAN: 'ourPlan.step.startActionPlan',
  PLAY_CHALLENGE: 'ourPlan.step.playChallenge',
  REMIND_TRAINING: 'ourPlan.step.remindTraining',
  REVISE_QUIZ: 'ourPlan.step.reviseQuiz',
  PUSH_SKILL: 'ourPlan.step.pushSkill',
  ENGAGE_TEAM: 'ourPlan.step.engageTeam',
  ON_TRACK: 'ourPlan.step.onTrack',
  NOTHING_MEASURED: 'ourPlan.step.nothingMeasured',
} as const;

/** What to do next, in one sentence, opening where it is done. */
export function PlansNextStep({ step, unitId, heading }: { step: Step; unitId: string; heading: string }) {
  const href = stepLink(step, unitId);
  const text = t(STEP_KEYS[step.kind], { title: step.title ?? '', count: step.count ?? 0 });
  return (
    <div class={`plan-step plan-step-${step.kind === 'ON_TRACK' ? 'ok' : 'todo'}`} data-testid="plan-next-step">
      <span class="plan-step-heading">{heading}</span>
      <span class="plan-step-text">{text}</span>
      {href ? (
        <a class="button button-small plan-step-go" href={href} onClick={linkClick}>
          {t('ourPlan.step.go')}
        </a>
      ) : null}
    </div>
  );
}
