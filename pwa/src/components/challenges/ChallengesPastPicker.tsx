import { useState } from 'preact/hooks';
import { DuplicateChallengeDocument, PastChallengesDocument } from '../../graphql/challenges.generated';
import { errorMessage, useMutation, useQuery } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { navigate } from '../../router';

/** A past challenge the viewer manages, copied into a draft of this month, opened to edit. */
export function ChallengesPastPicker({ onNotice }: { onNotice: (message: string) => void }) {
  const { state } = useQuery(PastChallengesDocument, {});
  const duplicate = useMutation(DuplicateChallengeDocument);
  const [chosen, setChosen] = useState('');
  if (state.status !== 'ready') return null;
  const past = state.data.challenges.filter((c) => c.viewerCanManage && c.format !== 'DUEL');
  if (past.length === 0) return <p class="hint">{t('challenges.template.pastNone')}</p>;
  const month = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' });

  async function copy() {
    try {
      const { duplicateChallenge: answer } = await duplicate.run({ challengeId: chosen });
      if (answer.__typename !== 'ChallengeSuccess') return onNotice(answer.message);
      onNotice(t('challenges.duplicated'));
      navigate(`/challenges/${answer.challenge.id}/edit`);
    } catch (error) {
      onNotice(errorMessage(error));
    }
  }

  return (
    <div class="field">
      <label for="past-challenge">{t('challenges.template.past')}</label>
      <select id="past-challenge" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">{t('challenges.template.pastChoose')}</option>
        {past.map((c) => (
          <option key={c.id} value={c.id}>
            {t('challenges.template.pastOption', { name: c.name, month: month.format(new Date(c.startsAt)) })}
          </option>
        ))}
      </select>
      <button type="button" class="button" disabled={!chosen || duplicate.busy} onClick={copy}>
        {t('challenges.duplicate')}
      </button>
    </div>
  );
}
