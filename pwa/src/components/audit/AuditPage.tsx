/**
 * /admin/audit (admins and managers, from the profile menu): who changed what, when, before →
 * after; by kind of change, by dates, and by person (a tap on a name).
 */
import './audit.css';
import { useState } from 'preact/hooks';
import { type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { AuditLogDocument, type AuditLogQuery } from '../../graphql/audit.generated';
import { useQuery } from '../../graphql/hooks';
import { type AuditKind } from '../../graphql/types.generated';
import { language, t } from '../../i18n';
import { dayStart } from '../../lib/auditLog';
import { AuditEntryCard } from './AuditEntryCard';

const PAGE = 30;
const KINDS: AuditKind[] = ['PEOPLE', 'NETWORK', 'CHALLENGES', 'TARGETS', 'TOKENS', 'OTHER'];

export interface PersonFilter {
  id: string;
  name: string;
}

export function AuditPage({ viewer }: { viewer: Viewer }) {
  if (viewer.role === 'MEMBER') {
    return (
      <section class="lever-page">
        <p class="lever-state">{t('audit.managersOnly')}</p>
      </section>
    );
  }
  return <AuditScreen />;
}

function AuditScreen() {
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [person, setPerson] = useState<PersonFilter | null>(null);
  const variables = {
    first: PAGE,
    filter: { kind: kind || null, personId: person?.id ?? null, since: dayStart(since), until: dayStart(until, 1) },
  };
  const { state, fetchMore } = useQuery(AuditLogDocument, variables, { keepPrevious: true });
  const [loadingMore, setLoadingMore] = useState(false);
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

  const more = async (after: string) => {
    setLoadingMore(true);
    try {
      await fetchMore({ after }, merge);
    } catch {
      // the button stays: the next tap tries again
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section class="lever-page admin-page" aria-labelledby="audit-title">
      <h1 id="audit-title" class="lever-title">
        {t('audit.title')}
      </h1>
      <p class="lever-muted">{t('audit.intro')}</p>
      <fieldset class="audit-filters">
        <legend class="visually-hidden">{t('audit.filters')}</legend>
        <label class="field">
          <span>{t('audit.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as AuditKind | '')}>
            <option value="">{t('audit.allKinds')}</option>
            {KINDS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`audit.kind.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('audit.since')}</span>
          <input type="date" value={since} onInput={(e) => setSince(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('audit.until')}</span>
          <input type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        </label>
        {person && (
          <button type="button" class="button button-small" onClick={() => setPerson(null)}>
            {t('audit.clearPerson', { name: person.name })}
          </button>
        )}
      </fieldset>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <>
          {state.data.auditLog.edges.length === 0 ? (
            <p class="lever-empty">{t('audit.none')}</p>
          ) : (
            <ul class="audit-list" aria-label={t('audit.listLabel')}>
              {state.data.auditLog.edges.map(({ node }) => (
                <AuditEntryCard key={node.id} entry={node} when={dates.format(new Date(node.at))} onPerson={setPerson} />
              ))}
            </ul>
          )}
          {state.data.auditLog.pageInfo.hasNextPage && state.data.auditLog.pageInfo.endCursor && (
            <button
              type="button"
              class="button button-block"
              disabled={loadingMore}
              onClick={() => void more(state.data.auditLog.pageInfo.endCursor as string)}
            >
              {loadingMore ? t('audit.loadingMore') : t('audit.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function merge(shown: AuditLogQuery, next: AuditLogQuery): AuditLogQuery {
  return { auditLog: { ...next.auditLog, edges: [...shown.auditLog.edges, ...next.auditLog.edges] } };
}
