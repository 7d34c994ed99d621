import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { LeverState } from '../levers/LeverState';
import { useQuery, useMutation } from '../../graphql/hooks';
import { CreatePerformancePlanDocument, PlanChoicesDocument } from '../../graphql/plans.generated';

/** Head office groups a period's trainings (and their quizzes) with objectives per lever. */
export function PlansCreateForm({ onCreated, onNotice }: { onCreated: () => void; onNotice: (message: string) => void }) {
  const runCreatePerformancePlan = useMutation(CreatePerformancePlanDocument).run;
  const choices = useQuery(PlanChoicesDocument, {});
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [modules, setModules] = useState<Set<string>>(new Set());
  const [challenges, setChallenges] = useState<Set<string>>(new Set());
  const [training, setTraining] = useState('80');
  const [quiz, setQuiz] = useState('70');
  const [satisfaction, setSatisfaction] = useState('80');
  return (
    <LeverState state={choices.state} onRetry={choices.reload}>
      {({ trainingModules, challenges: running }) => (
        <form
          class="action-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const chosen = trainingModules.filter((m) => modules.has(m.id));
            try {
              const { createPerformancePlan: result } = await runCreatePerformancePlan({
                input: {
                  name,
                  startsOn,
                  endsOn,
                  moduleIds: chosen.map((m) => m.id),
                  quizIds: chosen.flatMap((m) => (m.quizId ? [m.quizId] : [])),
                  challengeIds: running.filter((c) => challenges.has(c.id)).map((c) => c.id),
                  trainingCompletionTarget: Number(training),
                  quizAverageTarget: Number(quiz),
                  satisfactionIndexTarget: Number(satisfaction),
                },
              });
              if (result.__typename === 'CreatePerformancePlanSuccess') {
                setName('');
                onCreated();
              } else {
                onNotice(result.message);
              }
            } catch {
              onNotice(t('errors.network'));
            }
          }}
        >
          <h2 class="lever-subtitle">{t('plans.create')}</h2>
          <label class="field">
            <span>{t('plans.name')}</span>
            <input value={name} maxLength={120} required onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>{t('plans.startsOn')}</span>
            <input type="date" required value={startsOn} onInput={(e) => setStartsOn((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>{t('plans.endsOn')}</span>
            <input type="date" required value={endsOn} onInput={(e) => setEndsOn((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <fieldset class="quiz-question">
            <legend>{t('plans.modules')}</legend>
            {trainingModules.map((module) => (
              <label key={module.id} class="quiz-choice">
                <input
                  type="checkbox"
                  checked={modules.has(module.id)}
                  onChange={() => {
                    const next = new Set(modules);
                    if (next.has(module.id)) next.delete(module.id);
                    else next.add(module.id);
                    setModules(next);
                  }}
                />
                <span>{module.title}</span>
              </label>
            ))}
          </fieldset>
          {running.length > 0 ? (
            <fieldset class="quiz-question">
              <legend>{t('plans.challenges')}</legend>
              {running
                .filter((c) => c.status !== 'CLOSED')
                .map((challenge) => (
                  <label key={challenge.id} class="quiz-choice">
                    <input
                      type="checkbox"
                      checked={challenges.has(challenge.id)}
                      onChange={() => {
                        const next = new Set(challenges);
                        if (next.has(challenge.id)) next.delete(challenge.id);
                        else next.add(challenge.id);
                        setChallenges(next);
                      }}
                    />
                    <span>{challenge.name}</span>
                  </label>
                ))}
            </fieldset>
          ) : null}
          <label class="field">
            <span>{t('plans.targetTraining')}</span>
            <input inputMode="numeric" value={training} onInput={(e) => setTraining((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>{t('plans.targetQuiz')}</span>
            <input inputMode="numeric" value={quiz} onInput={(e) => setQuiz((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>{t('plans.targetSatisfaction')}</span>
            <input inputMode="numeric" value={satisfaction} onInput={(e) => setSatisfaction((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="button button-primary" disabled={!name.trim() || !startsOn || !endsOn}>
            {t('plans.save')}
          </button>
        </form>
      )}
    </LeverState>
  );
}
