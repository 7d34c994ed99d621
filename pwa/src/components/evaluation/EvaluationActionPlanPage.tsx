import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverProgressBar } from '../levers/LeverProgressBar';
import { LeverState } from '../levers/LeverState';
import { Avatar } from '../ui/Avatar';
import '../feed/FeedComments.css';
import { useQuery, useSubscription, useMutation } from '../../graphql/hooks';
import { ActionPlanLiveDocument, AddActionItemDocument, CommentActionPlanDocument, type PlanFieldsFragment, PointOfSaleDocument, UpdateActionItemDocument } from '../../graphql/evaluation.generated';
import { byName } from '../../lib/collation';

type ActionItem = PlanFieldsFragment['items'][number];

const STATUSES: ActionItem['status'][] = ['TODO', 'IN_PROGRESS', 'DONE'];
const STATUS_KEYS = { TODO: 'plans.todo', IN_PROGRESS: 'plans.inProgress', DONE: 'plans.done' } as const;

/** The action plan, edited by the whole point of sale's team and kept live on every screen. */
export function EvaluationActionPlanPage({ id, onNotice }: { id: string; onNotice: (message: string) => void }) {
  const runAddActionItem = useMutation(AddActionItemDocument).run;
  const runCommentActionPlan = useMutation(CommentActionPlanDocument).run;
  const runUpdateActionItem = useMutation(UpdateActionItemDocument).run;
  const live = useSubscription(ActionPlanLiveDocument, { planId: id });
  const [what, setWhat] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [comment, setComment] = useState('');
  const unitId = live.status === 'ready' ? live.data.actionPlan.plan.unitId : null;
  const team = useQuery(PointOfSaleDocument, { unitId });
  const members = team.state.status === 'ready' ? team.state.data.pointOfSale?.team ?? [] : [];
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });

  async function run(action: () => Promise<{ __typename: string; message?: string }>): Promise<boolean> {
    try {
      const result = await action();
      if (result.__typename === 'ActionPlanSuccess') return true;
      onNotice(result.message ?? t('levers.loadError'));
    } catch {
      onNotice(t('errors.network'));
    }
    return false;
  }

  return (
    <section class="lever-page">
      <a class="lever-back" href={LEVER_PATHS.pointOfSale} onClick={linkClick}>
        {t('pos.back')}
      </a>
      <LeverState state={live}>
        {({ actionPlan: { plan } }) => (
          <>
            <h1 class="lever-title">{plan.title}</h1>
            <p class="lever-muted">{plan.unitName}</p>
            <LeverProgressBar done={plan.progressPercent} total={100} label={t('plans.progress', { value: Math.round(plan.progressPercent) })} />
            <p class="lever-muted" data-testid="plan-progress">
              {t('plans.progress', { value: Math.round(plan.progressPercent) })}
            </p>
            <ul class="action-list">
              {plan.items.map((item) => (
                <li key={item.id} class="action-item" data-testid="action-item">
                  <span class="action-what">{item.what}</span>
                  <span class="lever-muted">
                    {item.ownerName ?? t('plans.noOwner')}
                    {item.dueOn ? ` · ${dates.format(new Date(`${item.dueOn}T12:00:00`))}` : ''}
                  </span>
                  <label class="action-status">
                    <span class="visually-hidden">{t('plans.status')}</span>
                    <select
                      value={item.status}
                      onChange={(e) => {
                        const status = (e.currentTarget as HTMLSelectElement).value as ActionItem['status'];
                        void run(async () => (await runUpdateActionItem({ input: { itemId: item.id, status } })).updateActionItem);
                      }}
                    >
                      {STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(STATUS_KEYS[s])}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
            <form
              class="action-form"
              onSubmit={async (event) => {
                event.preventDefault();
                const ok = await run(async () =>
                  (await runAddActionItem({
                    input: { planId: plan.id, what, ownerId: ownerId || null, dueOn: dueOn || null },
                  })).addActionItem,
                );
                if (ok) setWhat('');
              }}
            >
              <h2 class="lever-subtitle">{t('plans.addItem')}</h2>
              <label class="field">
                <span>{t('plans.what')}</span>
                <input value={what} maxLength={300} required onInput={(e) => setWhat((e.currentTarget as HTMLInputElement).value)} />
              </label>
              <label class="field">
                <span>{t('plans.owner')}</span>
                <select value={ownerId} onChange={(e) => setOwnerId((e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">{t('plans.noOwner')}</option>
                  {byName(members, (m) => m.displayName, language).map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.displayName}
                    </option>
                  ))}
                </select>
              </label>
              <label class="field">
                <span>{t('plans.dueOn')}</span>
                <input type="date" value={dueOn} onInput={(e) => setDueOn((e.currentTarget as HTMLInputElement).value)} />
              </label>
              <button type="submit" class="button button-primary" disabled={what.trim().length < 2}>
                {t('plans.add')}
              </button>
            </form>
            <h2 class="lever-subtitle">{t('plans.comments')}</h2>
            <ul class="comment-list">
              {plan.comments.map((c) => (
                <li key={c.id} class="comment">
                  <Avatar name={c.authorName ?? t('plans.someone')} photoUrl={c.authorPhotoUrl} size="s" />
                  <div class="comment-bubble">
                    <p class="comment-meta">
                      <strong class="comment-author">{c.authorName ?? t('plans.someone')}</strong>
                    </p>
                    <p class="comment-body">{c.body}</p>
                  </div>
                </li>
              ))}
            </ul>
            <form
              class="action-form"
              onSubmit={async (event) => {
                event.preventDefault();
                if (await run(async () => (await runCommentActionPlan({ planId: plan.id, body: comment })).commentActionPlan)) {
                  setComment('');
                }
              }}
            >
              <label class="field">
                <span>{t('plans.comment')}</span>
                <textarea rows={2} maxLength={1000} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
              </label>
              <button type="submit" class="button" disabled={!comment.trim()}>
                {t('plans.send')}
              </button>
            </form>
          </>
        )}
      </LeverState>
    </section>
  );
}
