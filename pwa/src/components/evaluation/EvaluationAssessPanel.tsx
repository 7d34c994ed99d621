import { useState } from 'preact/hooks';
import { t, language } from '../../i18n';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick, navigate } from '../../router';
import { DashboardsCsvButton } from '../dashboards/DashboardsCsvButton';
import { LeverState } from '../levers/LeverState';
import { Avatar } from '../ui/Avatar';
import { useQuery, useMutation } from '../../graphql/hooks';
import { AssessmentFormDocument, SubmitAssessmentDocument, UnitAssessmentsDocument } from '../../graphql/evaluation.generated';
import { byName } from '../../lib/collation';

/** A manager assesses a person of its scope against a skills grid (levels 1–4 with descriptors). */
export function EvaluationAssessPanel({ unitId, onNotice }: { unitId: string; onNotice: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const done = useQuery(UnitAssessmentsDocument, { unitId });
  return (
    <>
      <div class="lever-section-head">
        <h2 class="lever-subtitle">{t('assessment.teamTitle')}</h2>
        <DashboardsCsvButton unitId={unitId} table="ASSESSMENTS" onNotice={onNotice} />
      </div>
      <LeverState state={done.state} onRetry={done.reload}>
        {({ assessments }) =>
          assessments.length === 0 ? (
            <p class="lever-empty">{t('assessment.none')}</p>
          ) : (
            <ul class="people-list">
              {assessments.slice(0, 50).map((a) => (
                <li key={a.id} class="people-face-row">
                  <Avatar name={a.personName} photoUrl={a.personPhotoUrl} size="s" />
                  <a class="people-name" href={LEVER_PATHS.assessment(a.id)} onClick={linkClick}>
                    {a.personName}
                    <span class="lever-muted">{a.gridName}</span>
                  </a>
                  <span class={a.outcome === 'PASSED' ? 'lever-ok' : 'lever-muted'}>
                    {a.outcome === 'PASSED' ? t('assessment.passed') : t('assessment.notPassed')}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </LeverState>
      {open ? (
        <AssessForm unitId={unitId} onNotice={onNotice} />
      ) : (
        <button type="button" class="button" onClick={() => setOpen(true)}>
          {t('assessment.assessTitle')}
        </button>
      )}
    </>
  );
}

function AssessForm({ unitId, onNotice }: { unitId: string; onNotice: (message: string) => void }) {
  const runSubmitAssessment = useMutation(SubmitAssessmentDocument).run;
  const { state, reload } = useQuery(AssessmentFormDocument, { unitId });
  const [personId, setPersonId] = useState('');
  const [gridId, setGridId] = useState('');
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [passed, setPassed] = useState(true);
  const [comment, setComment] = useState('');
  return (
    <LeverState state={state} onRetry={reload}>
      {({ skillsGrids, unitPeople }) => {
        const grid = skillsGrids.find((g) => g.id === gridId) ?? skillsGrids[0];
        const complete = grid !== undefined && personId !== '' && grid.skills.every((s) => levels[s.id]);
        return (
          <form
            class="action-form"
            onSubmit={async (event) => {
              event.preventDefault();
              if (!grid) return;
              try {
                const { submitAssessment: result } = await runSubmitAssessment({
                  input: {
                    personId,
                    gridId: grid.id,
                    outcome: passed ? 'PASSED' : 'NOT_PASSED',
                    comment,
                    scores: grid.skills.map((s) => ({ skillId: s.id, level: levels[s.id] ?? 1 })),
                  },
                });
                if (result.__typename === 'AssessmentSuccess') navigate(LEVER_PATHS.assessment(result.assessment.id));
                else onNotice(result.message);
              } catch {
                onNotice(t('errors.network'));
              }
            }}
          >
            <h2 class="lever-subtitle">{t('assessment.assessTitle')}</h2>
            <label class="field">
              <span>{t('assessment.person')}</span>
              <select value={personId} required onChange={(e) => setPersonId((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{t('assessment.choosePerson')}</option>
                {byName(unitPeople, (p) => p.displayName, language).map((p) => (
                  <option key={p.userId} value={p.userId}>
                    {p.displayName} · {p.unitName}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{t('assessment.grid')}</span>
              <select value={grid?.id ?? ''} onChange={(e) => setGridId((e.currentTarget as HTMLSelectElement).value)}>
                {skillsGrids.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
            {grid?.skills.map((skill) => (
              <fieldset key={skill.id} class="quiz-question">
                <legend>{skill.name}</legend>
                {skill.descriptors.map((descriptor, index) => (
                  <label key={index} class="quiz-choice">
                    <input
                      type="radio"
                      name={`skill-${skill.id}`}
                      checked={levels[skill.id] === index + 1}
                      onChange={() => setLevels({ ...levels, [skill.id]: index + 1 })}
                    />
                    <span>
                      {index + 1} · {descriptor}
                    </span>
                  </label>
                ))}
              </fieldset>
            ))}
            <label class="quiz-choice">
              <input type="checkbox" checked={passed} onChange={() => setPassed(!passed)} />
              <span>{t('assessment.passedToggle')}</span>
            </label>
            <label class="field">
              <span>{t('assessment.comment')}</span>
              <textarea rows={3} maxLength={2000} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
            </label>
            <button type="submit" class="button button-primary" disabled={!complete}>
              {t('assessment.submit')}
            </button>
          </form>
        );
      }}
    </LeverState>
  );
}
