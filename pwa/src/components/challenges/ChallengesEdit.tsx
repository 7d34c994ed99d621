/**
 * Managing one challenge after the wizard: a draft (or a scheduled challenge) has every rule
 * editable and is published from here; a live one shows its rules read-only, takes a new
 * description and can be closed early; a closed one only shows what it was.
 */
import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { checkChallengeForm, formFromChallenge, publishOutcome, startOfDay, toChallengeInput } from '../../lib/challengeForm';
import { linkClick, navigate } from '../../router';
import { useQuery, useMutation } from '../../graphql/hooks';
import { ChallengesCopyActions } from './ChallengesCopyActions';
import { ChallengesLiveManagement } from './ChallengesLiveManagement';
import { ChallengesRulesSummary } from './ChallengesRulesSummary';
import { ChallengesRulesRewards, ChallengesRulesScoring, ChallengesRulesWhat } from './ChallengesRulesFields';
import { useRulesForm } from './useRulesForm';
import { ChallengeFormDataDocument, type ChallengeFormDataQuery as ChallengeFormData, ChallengeRulesDocument, type ChallengeRulesFieldsFragment as ChallengeRules, PublishChallengeDocument, UpdateChallengeRulesDocument } from '../../graphql/challenges.generated';

interface Props {
  id: string;
  onNotice: (message: string) => void;
}

export function ChallengesEdit({ id, onNotice }: Props) {
  const { state, reload } = useQuery(ChallengeRulesDocument, { id });
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('errors.network')}</p>;
  const challenge = state.data.challenge;
  if (!challenge || !challenge.viewerCanManage) {
    return (
      <section class="challenge-form" aria-labelledby="edit-title">
        <h1 id="edit-title">{t('challenges.manageOne')}</h1>
        <p role="alert">{t(challenge ? 'challenges.notManager' : 'challenges.notFound')}</p>
      </section>
    );
  }
  return (
    <section class="challenge-form challenge-edit" aria-labelledby="edit-title">
      <p class="hint">
        <a href={`/challenges/${challenge.id}`} onClick={linkClick}>{t('challenges.backToChallenge')}</a>
      </p>
      <h1 id="edit-title">{challenge.name}</h1>
      <p class={`challenge-status challenge-status-${challenge.status.toLowerCase()}`} data-testid="challenge-status">
        {t(`challenges.status.${challenge.status}` as never)}
      </p>
      <ChallengesCopyActions challenge={challenge} onNotice={onNotice} />
      {challenge.status === 'DRAFT' || challenge.status === 'SCHEDULED' ? (
        <DraftEditor challenge={challenge} onNotice={onNotice} onSaved={reload} />
      ) : challenge.status === 'LIVE' ? (
        <ChallengesLiveManagement challenge={challenge} onNotice={onNotice} />
      ) : (
        <>
          <p>{t('challenges.closedOn', { date: new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(challenge.closedAt ?? challenge.endsAt)) })}</p>
          <ChallengesRulesSummary challenge={challenge} />
        </>
      )}
    </section>
  );
}

function DraftEditor({ challenge, onNotice, onSaved }: { challenge: ChallengeRules; onNotice: Props['onNotice']; onSaved: () => void }) {
  const { state } = useQuery(ChallengeFormDataDocument, {});
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('errors.network')}</p>;
  return <DraftForm challenge={challenge} data={state.data} onNotice={onNotice} onSaved={onSaved} />;
}

function DraftForm({ challenge, data, onNotice, onSaved }: {
  challenge: ChallengeRules; data: ChallengeFormData; onNotice: Props['onNotice']; onSaved: () => void;
}) {
  const runPublishChallenge = useMutation(PublishChallengeDocument).run;
  const runUpdateChallengeRules = useMutation(UpdateChallengeRulesDocument).run;
  const form = useRulesForm(formFromChallenge(challenge));
  const [busy, setBusy] = useState(false);
  const props = { values: form.values, change: form.change, errors: form.errors, data };
  const outcome = publishOutcome(form.values, new Date());
  const firstDay = startOfDay(form.values.startsOn);
  const startDate = firstDay ? new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' }).format(firstDay) : '';

  /** Saves the rules as typed; true when the server took them. */
  const save = async (): Promise<boolean> => {
    if (!form.show(checkChallengeForm(form.values))) return false;
    const { updateChallengeRules: reply } = await runUpdateChallengeRules({
      challengeId: challenge.id, input: toChallengeInput(form.values),
    });
    if (reply.__typename !== 'ChallengeSuccess') {
      form.refuse(reply);
      return false;
    }
    form.reset(formFromChallenge(reply.challenge));
    return true;
  };

  const run = async (publish: boolean) => {
    setBusy(true);
    try {
      if (!(await save())) return;
      if (!publish) {
        onNotice(t('challenges.rulesSaved'));
        onSaved();
        return;
      }
      const { publishChallenge: reply } = await runPublishChallenge({ challengeId: challenge.id });
      if (reply.__typename !== 'ChallengeSuccess') {
        form.refuse(reply);
        return;
      }
      onNotice(t(reply.challenge.status === 'LIVE' ? 'challenges.publishedLive' : 'challenges.publishedScheduled'));
      navigate(`/challenges/${challenge.id}`);
    } catch {
      form.fail(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(false); }} noValidate data-testid="rules-form">
      <p class="hint">{t(challenge.status === 'DRAFT' ? 'challenges.draftHelp' : 'challenges.scheduledHelp')}</p>
      <ChallengesRulesWhat {...props} />
      <ChallengesRulesScoring {...props} />
      <ChallengesRulesRewards {...props} />
      {form.errors.form && <p role="alert" class="form-error">{form.errors.form}</p>}
      <div class="challenge-form-actions">
        <button type="submit" class="button" disabled={busy}>{t('challenges.saveRules')}</button>
        {challenge.status === 'DRAFT' && (
          <>
            <p class="hint" data-testid="publish-outcome">
              {t(`challenges.publishOutcome.${outcome}` as never, { date: startDate })}
            </p>
            <button type="button" class="button button-primary" disabled={busy || outcome === 'PAST'} onClick={() => void run(true)}>
              {t(outcome === 'SCHEDULED' ? 'challenges.publishScheduled' : 'challenges.publishLive')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
