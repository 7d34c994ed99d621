import { useState } from 'preact/hooks';
import { DeleteChallengeDocument, DuplicateChallengeDocument, type ChallengeRulesFieldsFragment as ChallengeRules } from '../../graphql/challenges.generated';
import { errorMessage, useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { navigate } from '../../router';

/** For a challenge's managers: copy it into a new draft (dates moved to this month), delete a draft after a confirmation. */
export function ChallengesCopyActions({ challenge, onNotice }: { challenge: ChallengeRules; onNotice: (message: string) => void }) {
  const duplicate = useMutation(DuplicateChallengeDocument);
  const remove = useMutation(DeleteChallengeDocument);
  const [confirming, setConfirming] = useState(false);

  async function copy() {
    try {
      const { duplicateChallenge: answer } = await duplicate.run({ challengeId: challenge.id });
      if (answer.__typename !== 'ChallengeSuccess') return onNotice(answer.message);
      onNotice(t('challenges.duplicated'));
      navigate(`/challenges/${answer.challenge.id}/edit`);
    } catch (error) {
      onNotice(errorMessage(error));
    }
  }

  async function destroy() {
    try {
      const { deleteChallenge: answer } = await remove.run({ challengeId: challenge.id });
      if (answer.__typename !== 'DeleteChallengeSuccess') return onNotice(answer.message);
      onNotice(t('challenges.draftDeleted'));
      navigate('/challenges', { replace: true });
    } catch (error) {
      onNotice(errorMessage(error));
    } finally {
      setConfirming(false);
    }
  }

  if (challenge.format === 'DUEL') return null;
  return (
    <div class="authoring-actions">
      <button type="button" class="button" disabled={duplicate.busy} onClick={copy}>
        {t('challenges.duplicate')}
      </button>
      {challenge.status === 'DRAFT' ? (
        confirming ? (
          <div class="profile-confirm" role="alertdialog" aria-labelledby="delete-draft-title">
            <p id="delete-draft-title" class="profile-name">
              {t('challenges.deleteDraftTitle')}
            </p>
            <p>{t('challenges.deleteDraftText')}</p>
            <button type="button" class="button button-danger" disabled={remove.busy} onClick={destroy}>
              {t('challenges.deleteDraftConfirm')}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t('header.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="button" onClick={() => setConfirming(true)}>
            {t('challenges.deleteDraft')}
          </button>
        )
      ) : null}
    </div>
  );
}
