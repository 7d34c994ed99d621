import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { checkRewards, checkScoring, checkWhat, emptyChallengeForm, stepOf, toChallengeInput } from '../../lib/challengeForm';
import { navigate } from '../../router';
import { useQuery, useMutation } from '../../graphql/hooks';
import { ChallengesRulesRewards, ChallengesRulesScoring, ChallengesRulesWhat } from './ChallengesRulesFields';
import { ChallengesTemplatePicker } from './ChallengesTemplatePicker';
import { useRulesForm } from './useRulesForm';
import { ChallengeFormDataDocument, type ChallengeFormDataQuery as ChallengeFormData, CreateChallengeDocument } from '../../graphql/challenges.generated';

const CHECKS = [checkWhat, checkScoring, checkRewards] as const;

/** Three steps for a manager: what and when, how it is scored, what rewards everyone and who is named. */
export function ChallengesWizard({ onNotice }: { onNotice: (message: string) => void }) {
  const { state } = useQuery(ChallengeFormDataDocument, {});
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('errors.network')}</p>;
  return <Wizard data={state.data} onNotice={onNotice} />;
}

function Wizard({ data, onNotice }: { data: ChallengeFormData; onNotice: (message: string) => void }) {
  const runCreateChallenge = useMutation(CreateChallengeDocument).run;
  const form = useRulesForm(emptyChallengeForm(new Date()));
  const [step, setStep] = useState(1);
  const [busy, setBusy] = useState(false);
  // the wizard may start from a template or a past challenge (copied as a draft)
  const [picked, setPicked] = useState(false);
  const props = { values: form.values, change: form.change, errors: form.errors, data };

  const next = () => {
    if (form.show(CHECKS[step - 1]?.(form.values) ?? {})) setStep(step + 1);
  };

  const submit = async (draft: boolean) => {
    const found = { ...checkWhat(form.values), ...checkScoring(form.values), ...checkRewards(form.values) };
    if (!form.show(found)) {
      setStep(Math.min(...Object.keys(found).map((field) => stepOf(field as never))));
      return;
    }
    setBusy(true);
    try {
      const { createChallenge } = await runCreateChallenge({ input: { ...toChallengeInput(form.values), draft } });
      if (createChallenge.__typename === 'ChallengeSuccess') {
        onNotice(t(draft ? 'challenges.draftSaved' : 'challenges.created'));
        navigate(draft ? `/challenges/${createChallenge.challenge.id}/edit` : `/challenges/${createChallenge.challenge.id}`);
      } else {
        setStep(stepOf(form.refuse(createChallenge)));
      }
    } catch {
      form.fail(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="challenge-wizard challenge-form" aria-labelledby="wizard-title">
      <h1 id="wizard-title">{t('challenges.wizardTitle')}</h1>
      {step === 1 && !picked && (
        <details class="template-details">
          <summary>{t('challenges.template.title')}</summary>
          <ChallengesTemplatePicker
            onPick={(values) => {
              form.reset(values);
              setPicked(true);
            }}
            onNotice={onNotice}
          />
        </details>
      )}
      <p class="hint">{t('challenges.wizardStep', { step, steps: 3 })}</p>
      <form onSubmit={(e) => e.preventDefault()} noValidate>
        {step === 1 && <ChallengesRulesWhat {...props} />}
        {step === 2 && <ChallengesRulesScoring {...props} />}
        {step === 3 && <ChallengesRulesRewards {...props} />}
        {form.errors.form && <p role="alert" class="form-error">{form.errors.form}</p>}
        <p class="wizard-nav">
          {step > 1 && (
            <button type="button" class="button" onClick={() => setStep(step - 1)}>{t('challenges.back')}</button>
          )}
          {step < 3 ? (
            <button type="button" class="button button-primary" onClick={next}>{t('challenges.next')}</button>
          ) : (
            <>
              <button type="button" class="button" disabled={busy} onClick={() => void submit(true)}>{t('challenges.saveDraft')}</button>
              <button type="button" class="button button-primary" disabled={busy} onClick={() => void submit(false)}>
                {t('challenges.launch')}
              </button>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
