/** A live challenge for its manager: rules read-only (and why), a new description, closing early after a confirmation. */
import { useMutation } from '../../graphql/hooks';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { DESCRIPTION_MAX, formFromChallenge } from '../../lib/challengeForm';
import { navigate } from '../../router';
import { ChallengesFieldError } from './ChallengesFieldError';
import { ChallengesRulesSummary } from './ChallengesRulesSummary';
import { useRulesForm } from './useRulesForm';
import { type ChallengeRulesFieldsFragment as ChallengeRules, CloseChallengeDocument, UpdateChallengeDescriptionDocument } from '../../graphql/challenges.generated';

interface Props {
  challenge: ChallengeRules;
  onNotice: (message: string) => void;
}

export function ChallengesLiveManagement({ challenge, onNotice }: Props) {
  const runCloseChallenge = useMutation(CloseChallengeDocument).run;
  const runUpdateChallengeDescription = useMutation(UpdateChallengeDescriptionDocument).run;
  const form = useRulesForm(formFromChallenge(challenge));
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const saveDescription = async () => {
    if (form.values.description.length > DESCRIPTION_MAX) {
      form.show({ description: 'challenges.error.description' });
      return;
    }
    setBusy(true);
    try {
      const { updateChallengeDescription: reply } = await runUpdateChallengeDescription({
        challengeId: challenge.id, description: form.values.description,
      });
      if (reply.__typename === 'ChallengeSuccess') {
        form.show({});
        onNotice(t('challenges.descriptionSaved'));
      } else {
        form.refuse(reply);
      }
    } catch {
      form.fail(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    setBusy(true);
    try {
      const { closeChallenge: reply } = await runCloseChallenge({ challengeId: challenge.id });
      if (reply.__typename === 'ChallengeSuccess') {
        onNotice(t('challenges.closedNotice'));
        navigate(`/challenges/${challenge.id}`);
      } else {
        setConfirming(false);
        form.refuse(reply);
      }
    } catch {
      form.fail(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p class="challenge-frozen" data-testid="rules-frozen">{t('challenges.rulesFrozenExplained')}</p>
      <ChallengesRulesSummary challenge={challenge} />
      <form onSubmit={(e) => { e.preventDefault(); void saveDescription(); }} noValidate>
        <label>{t('challenges.description')}
          <textarea value={form.values.description} rows={4} maxLength={DESCRIPTION_MAX}
            onInput={(e) => form.change({ description: e.currentTarget.value })}
            {...(form.errors.description ? { 'aria-invalid': true, 'aria-describedby': 'challenge-description-error' } : {})} />
          <ChallengesFieldError field="description" errors={form.errors} />
        </label>
        <button type="submit" class="button" disabled={busy}>{t('challenges.saveDescription')}</button>
      </form>
      {form.errors.form && <p role="alert" class="form-error">{form.errors.form}</p>}
      <section class="challenge-close" aria-labelledby="close-title">
        <h2 id="close-title">{t('challenges.closeTitle')}</h2>
        {!confirming ? (
          <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>{t('challenges.closeNow')}</button>
        ) : (
          <div role="alertdialog" aria-labelledby="close-confirm-title" aria-describedby="close-confirm-text" class="challenge-confirm">
            <p id="close-confirm-title"><strong>{t('challenges.closeConfirmTitle', { name: challenge.name })}</strong></p>
            <p id="close-confirm-text">{t('challenges.closeConfirmText')}</p>
            <div class="challenge-form-actions">
              <button type="button" class="button button-danger" disabled={busy} onClick={() => void close()}>
                {t('challenges.closeConfirm')}
              </button>
              <button type="button" class="button" disabled={busy} onClick={() => setConfirming(false)}>{t('challenges.cancel')}</button>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
