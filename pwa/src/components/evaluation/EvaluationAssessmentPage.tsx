import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { LeverState } from '../levers/LeverState';
import { Avatar } from '../ui/Avatar';
import { useQuery, useMutation } from '../../graphql/hooks';
import { AssessmentDocument, CommentAssessmentDocument } from '../../graphql/evaluation.generated';

/** An assessment: the levels with what they mean, the assessor's word, and the person's answer. */
export function EvaluationAssessmentPage({ id, onNotice }: { id: string; onNotice: (message: string) => void }) {
  const runCommentAssessment = useMutation(CommentAssessmentDocument).run;
  const { state, reload, set } = useQuery(AssessmentDocument, { id });
  const [answer, setAnswer] = useState('');
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
  return (
    <section class="lever-page">
      <LeverState state={state} onRetry={reload}>
        {({ assessment, me }) => {
          if (!assessment) return <p class="lever-empty">{t('assessment.notFound')}</p>;
          return (
            <>
              <h1 class="lever-title">{t('assessment.title', { grid: assessment.gridName })}</h1>
              <p class="lever-muted assessment-person">
                <Avatar name={assessment.personName} photoUrl={assessment.personPhotoUrl} size="s" />
                <span>
                  {assessment.personName} · {dates.format(new Date(assessment.createdAt))}
                </span>
              </p>
              <p class={assessment.outcome === 'PASSED' ? 'lever-ok' : 'lever-warn'}>
                {assessment.outcome === 'PASSED' ? t('assessment.passed') : t('assessment.notPassed')}
              </p>
              <ul class="skill-list">
                {assessment.scores.map((s) => (
                  <li key={s.skillId}>
                    <span class="skill-name">{s.skillName}</span>
                    <span class="skill-level">{t('dashboards.level', { level: s.level })}</span>
                    <span class="lever-muted">{s.descriptor}</span>
                  </li>
                ))}
              </ul>
              {assessment.comment ? (
                <blockquote class="assessment-comment">
                  <strong>{assessment.assessorName}</strong>
                  <span>{assessment.comment}</span>
                </blockquote>
              ) : null}
              {assessment.personComment ? (
                <blockquote class="assessment-comment">
                  <strong>{assessment.personName}</strong>
                  <span>{assessment.personComment}</span>
                </blockquote>
              ) : null}
              {me && assessment.personName && state.status === 'ready' ? (
                <form
                  class="action-form"
                  onSubmit={async (event) => {
                    event.preventDefault();
                    try {
                      const { commentAssessment: result } = await runCommentAssessment({ assessmentId: id, comment: answer });
                      if (result.__typename === 'AssessmentSuccess') {
                        set({ assessment: result.assessment, me });
                        setAnswer('');
                      } else {
                        onNotice(result.message);
                      }
                    } catch {
                      onNotice(t('errors.network'));
                    }
                  }}
                >
                  <label class="field">
                    <span>{t('assessment.answer')}</span>
                    <textarea rows={3} maxLength={2000} value={answer} onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)} />
                  </label>
                  <button type="submit" class="button" disabled={!answer.trim()}>
                    {t('plans.send')}
                  </button>
                </form>
              ) : null}
            </>
          );
        }}
      </LeverState>
    </section>
  );
}
