/**
 * The result audit for managers: every result recorded by hand, by import or by a CRM's
 * token on their scope, newest first, with who, what and when, and a correction's reason;
 * filtered by metric, person and period; then how each integration token has been used.
 */
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { language, t } from '../../i18n';
import { checkAuditFilter, NO_AUDIT_FILTER, signedValue, toAuditFilter, type AuditFilterValues } from '../../lib/resultAudit';
import { linkClick } from '../../router';
import { useQuery } from '../../graphql/hooks';
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

function Audit({ data }: { data: AuditFormData }) {
  const [filter, setFilter] = useState<AuditFilterValues>(NO_AUDIT_FILTER);
  const [listing, setListing] = useState<Listing>({ entries: [], after: null, more: false, status: 'loading' });
  const [round, setRound] = useState(0);
  const problem = checkAuditFilter(filter);

  const load = async (after: string | null, previous: ResultAuditEntry[], isCurrent: () => boolean) => {
    setListing((current) => ({ ...current, status: 'loading' }));
    try {
      const { resultAudit } = await request(ResultAuditDocument, { first: PAGE, after, filter: toAuditFilter(filter) });
      if (!isCurrent()) return;
      setListing({
        entries: [...previous, ...resultAudit.edges.map((edge) => edge.node)],
        after: resultAudit.pageInfo.endCursor,
        more: resultAudit.pageInfo.hasNextPage,
        status: 'ready',
      });
    } catch {
      if (isCurrent()) setListing((current) => ({ ...current, status: 'error' }));
    }
  };

  useEffect(() => {
    if (problem) return undefined;
    let current = true;
    void load(null, [], () => current);
    return () => {
      current = false;
    };
    // the filter's values stand for the query
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter.metricId, filter.personId, filter.from, filter.to, filter.correctionsOnly, round]);

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
          <button type="button" class="link-button" onClick={() => setRound((n) => n + 1)}>{t('challenges.retry')}</button>
        </p>
      ) : (
        <ul class="audit-list" aria-busy={listing.status === 'loading'}>
          {listing.entries.map((entry) => <AuditEntry key={entry.id} entry={entry} />)}
        </ul>
      )}
      {listing.status === 'ready' && listing.entries.length === 0 && <p class="hint">{t('challenges.auditEmpty')}</p>}
      {listing.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {listing.more && listing.status === 'ready' && (
        <button type="button" class="button button-block" onClick={() => void load(listing.after, listing.entries, () => true)}>
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
