/** One change of the audit log: what was done to what, by whom and when, each field before → after. */
import { type AuditLogQuery } from '../../graphql/audit.generated';
import { t } from '../../i18n';
import { actionKey, fieldKey, valueWords } from '../../lib/auditLog';
import { type PersonFilter } from './AuditPage';

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

interface AuditEntryCardProps {
  entry: Entry;
  when: string;
  onPerson: (person: PersonFilter) => void;
}

function shown(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  const words = valueWords(field, value);
  if (words.key === 'role') return t(`role.${words.value as 'ADMIN' | 'MANAGER' | 'MEMBER'}`);
  if (words.key === 'kind') return t(`network.kind.${words.value as 'REGION'}`);
  if (words.key === 'yesNo') return t(words.value === 'true' ? 'audit.yes' : 'audit.no');
  return value;
}

export function AuditEntryCard({ entry, when, onPerson }: AuditEntryCardProps) {
  const key = actionKey(entry.action);
  const what = key === 'audit.action.other' ? t(key, { action: entry.action }) : t(key);
  const actor = entry.actor;
  const subject = entry.subject;
  return (
    <li class="audit-entry">
      <p class="audit-what">
        <strong>{what}</strong>
        {subject?.name ? ` · ${subject.name}` : ''}
      </p>
      <p class="audit-meta">
        {actor && !actor.isToken && actor.id ? (
          <button
            type="button"
            class="button button-small"
            aria-label={t('audit.byPerson', { name: actor.name ?? '' })}
            onClick={() => onPerson({ id: actor.id as string, name: actor.name ?? '' })}
          >
            {actor.name}
          </button>
        ) : (
          <span>{actor?.isToken ? t('audit.byToken', { name: actor.name ?? '' }) : t('audit.bySystem')}</span>
        )}
        <time dateTime={entry.at}>{when}</time>
      </p>
      {entry.changes.length > 0 && (
        <dl class="audit-changes">
          {entry.changes.map((change) => {
            const label = fieldKey(change.field);
            return (
              <div key={change.field}>
                <dt>{t('audit.fieldLabel', { field: label ? t(label) : change.field })}</dt>{' '}
                <dd>
                  {change.before !== null ? `${shown(change.field, change.before)} → ` : ''}
                  {shown(change.field, change.after)}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </li>
  );
}
