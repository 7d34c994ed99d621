import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { awardableBadges, chooseBadge, emptyDraft, problems, togglePerson, type AwardDraft } from '../../lib/awardFlow';
import { navigate } from '../../router';
import { BadgesIcon } from './BadgesIcon';
import { BadgesPeoplePicker } from './BadgesPeoplePicker';
import { BadgesStatus } from './BadgesStatus';
import { useQuery, useMutation } from '../../graphql/hooks';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { AwardBadgeDocument, BadgesDocument } from '../../graphql/badges.generated';
import { FeedDocument, type PostFieldsFragment } from '../../graphql/feed.generated';

type Author = PostFieldsFragment['author'];

interface BadgesAwardFlowProps {
  viewer: Viewer;
  onNotice: (message: string) => void;
}

type Step = 'edit' | 'confirm' | 'sending';

/** The manager's flow: badge, people in scope, reason, optional post; then a confirmation. */
export function BadgesAwardFlow({ viewer, onNotice }: BadgesAwardFlowProps) {
  const runAwardBadge = useMutation(AwardBadgeDocument).run;
  const { state, reload } = useQuery(BadgesDocument, {});
  const posts = useQuery(FeedDocument, { first: 10 });
  const [draft, setDraft] = useState<AwardDraft>(emptyDraft);
  const [step, setStep] = useState<Step>('edit');
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = useRef(new Map<string, Author>()).current;
  const badges = useMemo(
    () => (state.status === 'ready' ? awardableBadges(state.data.badges, viewer.role === 'ADMIN') : []),
    [state, viewer.role],
  );
  if (state.status !== 'ready') return <BadgesStatus status={state.status} onRetry={reload} />;
  const badge = badges.find((b) => b.id === draft.badgeId) ?? null;
  const missing = problems(draft);

  function review(event: Event) {
    event.preventDefault();
    setShowProblems(true);
    setError(null);
    if (missing.length === 0) setStep('confirm');
  }

  async function confirm() {
    if (!badge) return;
    setStep('sending');
    try {
      const { awardBadge } = await runAwardBadge({
        badgeId: badge.id,
        userIds: draft.userIds,
        reason: draft.reason.trim(),
        postId: draft.postId,
        level: draft.level,
      });
      if (awardBadge.__typename !== 'AwardBadgeSuccess') {
        setError(awardBadge.message);
        setStep('edit');
        return;
      }
      const held = awardBadge.alreadyHeldUserIds.length;
      const done = t('award.done', { count: awardBadge.awards.length });
      onNotice(held ? `${done} ${t('award.alreadyHeld', { count: held })}` : done);
      navigate('/wall');
    } catch {
      setError(t('errors.network'));
      setStep('edit');
    }
  }

  if (step !== 'edit' && badge) {
    return (
      <section class="badges-page award-confirm" role="dialog" aria-labelledby="award-confirm-title" aria-modal="false">
        <h1 id="award-confirm-title">{t('award.confirmTitle')}</h1>
        <div class="badge-card">
          <BadgesIcon badge={badge} size="large" />
          <div class="badge-card-text">
            <p class="badge-name">{t('award.confirmText', { badge: badge.name, count: draft.userIds.length })}</p>
            <ul class="confirm-people">
              {draft.userIds.map((id) => (
                <li key={id}>{known.get(id)?.displayName ?? id}</li>
              ))}
            </ul>
            <p class="badge-description">{draft.reason.trim()}</p>
          </div>
        </div>
        <div class="award-buttons">
          <button type="button" class="button" onClick={() => setStep('edit')} disabled={step === 'sending'}>
            {t('award.back')}
          </button>
          <button type="button" class="button button-primary" onClick={confirm} disabled={step === 'sending'}>
            {step === 'sending' ? t('award.sending') : t('award.confirm')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form class="badges-page award-form" onSubmit={review} noValidate aria-labelledby="award-title">
      <h1 id="award-title">{t('award.title')}</h1>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <fieldset class="award-step">
        <legend>{t('award.badgeStep')}</legend>
        {badges.length === 0 && <p class="field-hint">{t('award.noBadges')}</p>}
        <div class="badge-choices">
          {badges.map((choice) => (
            <label key={choice.id} class="badge-choice">
              <input
                type="radio"
                name="badge"
                value={choice.id}
                checked={draft.badgeId === choice.id}
                onChange={() => setDraft(chooseBadge(draft, choice))}
              />
              <BadgesIcon badge={choice} />
              <span>{choice.name}</span>
            </label>
          ))}
        </div>
        {badge && badge.levels.length > 0 && (
          <div class="field">
            <label for="award-level">{t('award.level')}</label>
            <select id="award-level" value={draft.level ?? ''} onChange={(e) => setDraft({ ...draft, level: e.currentTarget.value })}>
              {badge.levels.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </div>
        )}
        {showProblems && missing.includes('badge') && <p class="field-error">{t('award.problem.badge')}</p>}
      </fieldset>
      <fieldset class="award-step">
        <legend>{t('award.peopleStep')}</legend>
        <BadgesPeoplePicker selected={draft.userIds} known={known} onToggle={(person) => setDraft(togglePerson(draft, person.id))} />
        {showProblems && missing.includes('people') && <p class="field-error">{t('award.problem.people')}</p>}
      </fieldset>
      <fieldset class="award-step">
        <legend>{t('award.reasonStep')}</legend>
        <div class="field">
          <label for="award-reason">{t('award.reason')}</label>
          <textarea
            id="award-reason"
            rows={3}
            maxLength={500}
            value={draft.reason}
            aria-invalid={showProblems && missing.includes('reason')}
            aria-describedby="award-reason-hint"
            onInput={(e) => setDraft({ ...draft, reason: e.currentTarget.value })}
          />
          <p id="award-reason-hint" class="field-hint">
            {t('award.reasonHint')}
          </p>
          {showProblems && missing.includes('reason') && <p class="field-error">{t('award.problem.reason')}</p>}
        </div>
        <div class="field">
          <label for="award-post">{t('award.post')}</label>
          <select id="award-post" value={draft.postId ?? ''} onChange={(e) => setDraft({ ...draft, postId: e.currentTarget.value || null })}>
            <option value="">{t('award.noPost')}</option>
            {posts.state.status === 'ready' &&
              posts.state.data.feed.edges
                .filter(({ node }) => node.kind !== 'SYSTEM')
                .map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {`${node.author.displayName} – ${node.body.slice(0, 60)}`}
                  </option>
                ))}
          </select>
        </div>
      </fieldset>
      <button type="submit" class="button button-primary button-block">
        {t('award.review')}
      </button>
    </form>
  );
}
