import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { buildsContent } from '../../lib/routes';
import { linkClick } from '../../router';
import { useMutation, useQuery } from '../../graphql/hooks';
import { ShellLastKnown } from '../shell/ShellLastKnown';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { ChallengesCard } from './ChallengesCard';
import './ChallengesBoard.css';
import {
  AnswerDuelDocument, ChallengesDocument, type ChallengesQuery, type ChallengeSummaryFieldsFragment as ChallengeSummary, CreateDuelDocument,
} from '../../graphql/challenges.generated';
import { byName } from '../../lib/collation';

type Listed = ChallengesQuery['challenges'][number];

/** Live, upcoming and past challenges; duel invitations to answer; the managers' tools. */
export function ChallengesList({ viewer, onNotice }: { viewer: Viewer; onNotice: (message: string) => void }) {
  const runAnswerDuel = useMutation(AnswerDuelDocument).run;
  const runCreateDuel = useMutation(CreateDuelDocument).run;
  const { state, reload } = useQuery(ChallengesDocument, {}, { keep: true });
  const [busy, setBusy] = useState<string | null>(null);
  const [opponent, setOpponent] = useState('');
  const [duelMetric, setDuelMetric] = useState('');
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('errors.network')}</p>;
  const { challenges, pendingDuels } = state.data;
  const answer = async (duel: Pick<ChallengeSummary, 'id'>, accept: boolean) => {
    setBusy(duel.id);
    try {
      const { answerDuel } = await runAnswerDuel({ challengeId: duel.id, accept });
      onNotice(answerDuel.__typename === 'ChallengeSuccess' ? t(accept ? 'challenges.duelAccepted' : 'challenges.duelDeclined') : answerDuel.message);
      reload();
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setBusy(null);
    }
  };
  const challengeColleague = async () => {
    const opponentId = opponent || state.data.duelOpponents[0]?.id;
    const metricId = duelMetric || state.data.metrics[0]?.id;
    if (!opponentId || !metricId) return;
    setBusy('duel');
    try {
      const { createDuel } = await runCreateDuel({ opponentId, metricId, days: 7 });
      onNotice(createDuel.__typename === 'ChallengeSuccess' ? t('challenges.duelSent') : createDuel.message);
      reload();
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setBusy(null);
    }
  };
  const invited = new Set(pendingDuels.map((duel) => duel.id));
  const listed = new Set(challenges.map((c) => c.id));
  const sections: [string, Listed[]][] = [
    ['challenges.duelInvitations', challenges.filter((c) => c.duelState === 'PENDING')],
    ['challenges.live', challenges.filter((c) => c.status === 'LIVE')],
    ['challenges.upcoming', challenges.filter((c) => (c.status === 'SCHEDULED' || c.status === 'DRAFT') && c.duelState !== 'PENDING')],
    ['challenges.past', challenges.filter((c) => c.status === 'CLOSED' && c.duelState !== 'DECLINED')],
  ];
  return (
    <section class="challenges-list" aria-labelledby="challenges-title">
      <h1 id="challenges-title">{t('challenges.title')}</h1>
      <ShellLastKnown savedAt={state.savedAt} />
      {viewer.role === 'MEMBER' && buildsContent(viewer, 'challenges') && (
        <p class="challenge-actions">
          <a href="/challenges/new" onClick={linkClick} class="button">{t('challenges.create')}</a>
        </p>
      )}
      {viewer.role !== 'MEMBER' && (
        <p class="challenge-actions">
          <a href="/challenges/new" onClick={linkClick} class="button">{t('challenges.create')}</a>
          <a href="/challenges/manage" onClick={linkClick} class="button button-secondary">{t('challenges.manage')}</a>
          <a href="/challenges/audit" onClick={linkClick} class="button button-secondary">{t('challenges.auditLink')}</a>
        </p>
      )}
      {pendingDuels.some((duel) => !listed.has(duel.id)) && (
        <section aria-labelledby="duels-title" class="challenge-duels">
          <h2 id="duels-title">{t('challenges.duelInvitations')}</h2>
          <ul>
            {pendingDuels.filter((duel) => !listed.has(duel.id)).map((duel) => (
              <li key={duel.id} class="challenge-item" data-testid="duel-invitation">
                <strong>{duel.name}</strong>
                <span class="challenge-duel-actions">
                  <button type="button" class="button" disabled={busy === duel.id} onClick={() => void answer(duel, true)}>
                    {t('challenges.accept')}
                  </button>
                  <button type="button" class="button button-secondary" disabled={busy === duel.id} onClick={() => void answer(duel, false)}>
                    {t('challenges.decline')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.data.duelOpponents.length > 0 && (
        <details class="challenge-duel-form">
          <summary>{t('challenges.startDuel')}</summary>
          <label>{t('challenges.opponent')}
            <select value={opponent} onChange={(e) => setOpponent(e.currentTarget.value)}>
              {byName(state.data.duelOpponents, (p) => p.displayName, language).map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
            </select>
          </label>
          <label>{t('challenges.metric')}
            <select value={duelMetric} onChange={(e) => setDuelMetric(e.currentTarget.value)}>
              {state.data.metrics.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </label>
          <button type="button" class="button" disabled={busy === 'duel'} onClick={() => void challengeColleague()}>
            {t('challenges.sendDuel')}
          </button>
        </details>
      )}
      {sections.map(([key, items]) => (key === 'challenges.duelInvitations' && !items.length ? null : (
        <section key={key} aria-label={t(key as never)}>
          <h2>{t(key as never)}</h2>
          {items.length ? (
            <ul>
              {items.map((c) => (
                <ChallengesCard key={c.id} challenge={c} busy={busy === c.id}
                  answer={invited.has(c.id) ? (accept) => void answer(c, accept) : undefined} />
              ))}
            </ul>
          ) : <p class="hint">{t('challenges.none')}</p>}
        </section>
      )))}
    </section>
  );
}
