import { useMutation } from '../../graphql/hooks';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { LEVER_PATHS } from '../../lib/routes';
import { navigate } from '../../router';
import { CreateActionPlanDocument, RecordMysteryVisitDocument, RecordSatisfactionSurveyDocument } from '../../graphql/evaluation.generated';

interface FormProps {
  unitId: string;
  onDone: () => void;
  onNotice: (message: string) => void;
}

/** A manager enters a survey result by hand. */
export function EvaluationSurveyForm({ unitId, onDone, onNotice }: FormProps) {
  const runRecordSatisfactionSurvey = useMutation(RecordSatisfactionSurveyDocument).run;
  const [kind, setKind] = useState<'NPS' | 'SCORE_10'>('SCORE_10');
  const [value, setValue] = useState('');
  const [sample, setSample] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  return (
    <form
      class="action-form"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const { recordSatisfactionSurvey: result } = await runRecordSatisfactionSurvey({
            input: {
              unitId,
              kind,
              value: Number(value.replace(',', '.')),
              sampleSize: Number(sample),
              periodStart: start,
              periodEnd: end,
            },
          });
          if (result.__typename === 'RecordSatisfactionSurveySuccess') {
            setValue('');
            setSample('');
            onNotice(t('pos.surveyRecorded'));
            onDone();
          } else {
            onNotice(result.message);
          }
        } catch {
          onNotice(t('errors.network'));
        }
      }}
    >
      <h2 class="lever-subtitle">{t('pos.recordTitle')}</h2>
      <label class="field">
        <span>{t('pos.kind')}</span>
        <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as 'NPS' | 'SCORE_10')}>
          <option value="SCORE_10">{t('pos.kindScore10')}</option>
          <option value="NPS">{t('pos.kindNps')}</option>
        </select>
      </label>
      <label class="field">
        <span>{t('pos.value')}</span>
        <input inputMode="decimal" required value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>{t('pos.sampleSize')}</span>
        <input inputMode="numeric" required value={sample} onInput={(e) => setSample((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>{t('pos.periodStart')}</span>
        <input type="date" required value={start} onInput={(e) => setStart((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>{t('pos.periodEnd')}</span>
        <input type="date" required value={end} onInput={(e) => setEnd((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="button button-primary">
        {t('pos.record')}
      </button>
    </form>
  );
}

/** Anyone of the point of sale starts an action plan, tied to the latest survey when there is one. */
export function EvaluationNewPlanForm({ unitId, surveyId, onNotice }: { unitId: string; surveyId: string | null; onNotice: (m: string) => void }) {
  const runCreateActionPlan = useMutation(CreateActionPlanDocument).run;
  const [title, setTitle] = useState('');
  return (
    <form
      class="action-form"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const { createActionPlan: result } = await runCreateActionPlan({ input: { unitId, title, surveyId } });
          if (result.__typename === 'ActionPlanSuccess') navigate(LEVER_PATHS.actionPlan(result.plan.id));
          else onNotice(result.message);
        } catch {
          onNotice(t('errors.network'));
        }
      }}
    >
      <label class="field">
        <span>{t('pos.newPlan')}</span>
        <input value={title} maxLength={120} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="button" disabled={title.trim().length < 2}>
        {t('pos.createPlan')}
      </button>
    </form>
  );
}

const SECTIONS = ['pos.section.welcome', 'pos.section.needs', 'pos.section.drive', 'pos.section.offer', 'pos.section.farewell'] as const;

/** A manager enters a mystery visit: a score out of 100 per section of the checklist. */
export function EvaluationVisitForm({ unitId, onDone, onNotice }: FormProps) {
  const runRecordMysteryVisit = useMutation(RecordMysteryVisitDocument).run;
  const [visitedOn, setVisitedOn] = useState('');
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const complete = visitedOn !== '' && SECTIONS.every((key) => (scores[key] ?? '') !== '');
  return (
    <form
      class="action-form"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const { recordMysteryVisit: result } = await runRecordMysteryVisit({
            input: {
              unitId,
              visitedOn,
              comment,
              sections: SECTIONS.map((key) => ({ name: t(key), score: Number((scores[key] ?? '').replace(',', '.')) })),
            },
          });
          if (result.__typename === 'RecordMysteryVisitSuccess') {
            setScores({});
            setComment('');
            onNotice(t('pos.visitRecorded'));
            onDone();
          } else {
            onNotice(result.message);
          }
        } catch {
          onNotice(t('errors.network'));
        }
      }}
    >
      <h2 class="lever-subtitle">{t('pos.visitTitle')}</h2>
      <label class="field">
        <span>{t('pos.visitedOn')}</span>
        <input type="date" required value={visitedOn} onInput={(e) => setVisitedOn((e.currentTarget as HTMLInputElement).value)} />
      </label>
      {SECTIONS.map((key) => (
        <label key={key} class="field">
          <span>{t('pos.sectionScore', { section: t(key) })}</span>
          <input
            inputMode="decimal"
            value={scores[key] ?? ''}
            onInput={(e) => setScores({ ...scores, [key]: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
      ))}
      <label class="field">
        <span>{t('assessment.comment')}</span>
        <textarea rows={2} maxLength={2000} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" class="button button-primary" disabled={!complete}>
        {t('pos.record')}
      </button>
    </form>
  );
}
