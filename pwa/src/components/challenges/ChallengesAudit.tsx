/**
 * The result audit for managers: every result recorded by hand, by import or by a CRM's
 * token on their scope, newest first, with who, what and when, and a correction's reason;
 * filtered by metric, person and period; then how each integration token has been used.
 */
import { useRef, useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { checkAuditFilter, NO_AUDIT_FILTER, signedValue, toAuditFilter, type AuditFilterValues } from '../../lib/resultAudit';
import { linkClick } from '../../router';
import { type QueryState, useQuery } from '../../graphql/hooks';
import { AuditFormDataDocument, type AuditFormDataQuery, type AuditFormDataQuery as AuditFormData, ResultAuditDocument, type ResultAuditQuery } from '../../graphql/challenges.generated';

type ResultAuditEntry = ResultAuditQuery['resultAudit']['edges'][number]['node'];
type TokenUse = AuditFormDataQuery['integrationTokenUse'][number];

const PAGE = 20;

function when(iso: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function day(iso: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

export function ChallengesAudit() {
  const { state } = useQuery(AuditFormDataDocument, {});
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('challenges.auditRefused')}</p>;
  return <Audit data={state.data} />;
}

interface Listing {
  entries: ResultAuditEntry[];
  after: string | null;
  more: boolean;
  status: 'loading' | 'ready' | 'error';
}

function listingOf(state: QueryState<ResultAuditQuery>, more: 'idle' | 'loading' | 'error'): Listing {
  if (state.status !== 'ready') return { entries: [], after: null, more: false, status: state.status };
  const { edges, pageInfo } = state.data.resultAudit;
  return {
    entries: edges.map((edge) => edge.node),
    after: pageInfo.endCursor,
    more: pageInfo.hasNextPage,
    status: more === 'idle' ? 'ready' : more,
  };
}

function Audit({ data }: { data: AuditFormData }) {
  const [filter, setFilter] = useState<AuditFilterValues>(NO_AUDIT_FILTER);
  const problem = checkAuditFilter(filter);
  // while the period is wrong, the last good filter's entries stay
  const asked = useRef(filter);
  if (!problem) asked.current = filter;
  const audit = useQuery(ResultAuditDocument, { first: PAGE, after: null, filter: toAuditFilter(asked.current) }, {
    keepPrevious: true,
  });
  const [more, setMore] = useState<'idle' | 'loading' | 'error'>('idle');
  const listing = listingOf(audit.state, more);

  const loadMore = async () => {
    setMore('loading');
    try {
      await audit.fetchMore({ after: listing.after }, (shown, next) => ({
        resultAudit: { ...next.resultAudit, edges: [...shown.resultAudit.edges, ...next.resultAudit.edges] },
      }));
      setMore('idle');
    } catch {
      setMore('error');
    }
  };

  const set = (patch: Partial<AuditFilterValues>) => setFilter((current) => ({ ...current, ...patch }));
  return (
    <section class="challenge-form challenge-audit" aria-labelledby="audit-title">
      <p class="hint"><a href="/challenges/manage" onClick={linkClick}>{t('challenges.backToManage')}</a></p>
      <h1 id="audit-title">{t('challenges.auditTitle')}</h1>
      <p class="hint">{t('challenges.auditIntro')}</p>
      <form class="audit-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('challenges.auditFilters')}>
        <label>{t('challenges.metric')}
          <select value={filter.metricId} onChange={(e) => set({ metricId: e.currentTarget.value })} data-testid="audit-metric">
            <option value="">{t('challenges.allMetrics')}</option>
            {data.metrics.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </label>
        <label>{t('challenges.person')}
          <select value={filter.personId} onChange={(e) => set({ personId: e.currentTarget.value })} data-testid="audit-person">
            <option value="">{t('challenges.allPeople')}</option>
            {data.awardablePeople.map((p) => (
              <option key={p.id} value={p.id}>{p.displayName}{p.unit ? ` · ${p.unit.name}` : ''}</option>
            ))}
          </select>
        </label>
        <div class="challenge-form-pair">
          <label>{t('challenges.auditFrom')}
            <input type="date" value={filter.from} onInput={(e) => set({ from: e.currentTarget.value })} />
          </label>
          <label>{t('challenges.auditTo')}
            <input type="date" value={filter.to} onInput={(e) => set({ to: e.currentTarget.value })}
              {...(problem ? { 'aria-invalid': true, 'aria-describedby': 'audit-period-error' } : {})} />
          </label>
        </div>
        {problem && <span class="field-error" id="audit-period-error" role="alert">{t(problem as never)}</span>}
        <label class="challenge-form-choice">
          <input type="checkbox" checked={filter.correctionsOnly} onChange={(e) => set({ correctionsOnly: e.currentTarget.checked })}
            data-testid="audit-corrections" />
          {t('challenges.correctionsOnly')}
        </label>
      </form>
      {listing.status === 'error' ? (
        <p role="alert">
          {t('errors.network')}{' '}
          <button type="button" class="link-button" onClick={() => (more === 'error' ? void loadMore() : audit.reload())}>{t('challenges.retry')}</button>
        </p>
      ) : (
        <ul class="audit-list" aria-busy={listing.status === 'loading'}>
          {listing.entries.map((entry) => <AuditEntry key={entry.id} entry={entry} />)}
        </ul>
      )}
      {listing.status === 'ready' && listing.entries.length === 0 && <p class="hint">{t('challenges.auditEmpty')}</p>}
      {listing.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {listing.more && listing.status === 'ready' && (
        <button type="button" class="button button-block" onClick={() => void loadMore()}>
          {t('challenges.auditMore')}
        </button>
      )}
      <TokensUse tokens={data.integrationTokenUse} />
    </section>
  );
}

function AuditEntry({ entry }: { entry: ResultAuditEntry }) {
  const byToken = entry.recordedBy.kind === 'INTEGRATION_TOKEN';
  return (
    <li class={`audit-entry${entry.isCorrection ? ' audit-entry-correction' : ''}`} data-testid="audit-entry">
      <p class="audit-what">
        <strong>{entry.participant.name}</strong>
        <span class={`audit-value${entry.value < 0 ? ' audit-value-negative' : ''}`}>
          {signedValue(entry.value, entry.metric?.unitLabel ?? '', language)}
        </span>
      </p>
      <p class="hint">
        {entry.metric?.name ?? t('challenges.unknownMetric')} · {t('challenges.auditOccurred', { date: day(entry.occurredAt) })}
      </p>
      {entry.isCorrection && <span class="tag-chip audit-tag">{t('challenges.correction')}</span>}
      {entry.reason && <p class="audit-reason">{t('challenges.auditReason', { reason: entry.reason })}</p>}
      <p class="hint">
        {t(byToken ? 'challenges.auditByToken' : 'challenges.auditBy', { name: entry.recordedBy.name, date: when(entry.recordedAt) })}
      </p>
    </li>
  );
}

function TokensUse({ tokens }: { tokens: TokenUse[] }) {
  return (
    <section class="audit-tokens" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('challenges.tokensTitle')}</h2>
      {tokens.length === 0 ? (
        <p class="hint">{t('challenges.tokensNone')}</p>
      ) : (
        <ul class="audit-list">
          {tokens.map((token) => (
            <li key={token.id} class="audit-entry" data-testid="token-use">
              <p class="audit-what">
                <strong>{token.name}</strong>
                {token.revokedAt && <span class="tag-chip">{t('challenges.tokenRevoked')}</span>}
              </p>
              <p class="hint">{t('challenges.tokenScope', { unit: token.scopeUnitName })}</p>
              <p class="hint">
                {t('challenges.tokenEntries', { count: token.entryCount })}
                {' · '}
                {token.lastUsedAt ? t('challenges.tokenLastUse', { date: when(token.lastUsedAt) }) : t('challenges.tokenNeverUsed')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
