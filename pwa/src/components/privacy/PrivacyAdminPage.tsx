/**
 * Head office's privacy page (/admin/privacy): the register of personal data for the works
 * council (printable, and as CSV or JSON for the consultation file), the retention periods the
 * daily job enforces, and what that job removed.
 */
import { useState } from 'preact/hooks';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { useQuery } from '../../graphql/hooks';
import { PrivacyAdminDocument, type PrivacyAdminQuery } from '../../graphql/privacy.generated';
import { language, t } from '../../i18n';
import { registerCsv, registerJson } from '../../lib/dataRegister';
import { PrivacyRetentionForm } from './PrivacyRetentionForm';
import './privacy.css';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function when(iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function removedSummary(removed: unknown): string {
  const counts = Object.entries((removed ?? {}) as Record<string, number>).filter(([, n]) => n > 0);
  if (counts.length === 0) return t('privacy.admin.nothingRemoved');
  return counts.map(([kind, n]) => `${t(`privacy.removed.${kind}` as Parameters<typeof t>[0])} : ${n}`).join(' · ');
}

type Register = PrivacyAdminQuery['dataRegister'];

function RegisterSection({ entries }: { entries: Register }) {
  const headings = {
    data: t('privacy.register.data'),
    purpose: t('privacy.register.purpose'),
    seenBy: t('privacy.register.seenBy'),
    retention: t('privacy.register.retention'),
    recipients: t('privacy.register.recipients'),
  };
  return (
    <section class="settings-card" aria-labelledby="register-title">
      <h2 id="register-title">{t('privacy.register.title')}</h2>
      <p class="hint">{t('privacy.register.intro')}</p>
      <div class="privacy-actions">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('privacy.register.print')}
        </button>
        <button type="button" class="button" onClick={() => download('registre-donnees.csv', 'text/csv;charset=utf-8', registerCsv(entries, headings))}>
          {t('privacy.register.csv')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => download('registre-donnees.json', 'application/json', registerJson(entries, { generatedAt: new Date().toISOString() }))}
        >
          {t('privacy.register.json')}
        </button>
      </div>
      {entries.map((entry) => (
        <article key={entry.key} class="privacy-register-entry" aria-labelledby={`register-${entry.key}`}>
          <h3 id={`register-${entry.key}`}>{entry.data}</h3>
          <dl>
            <dt>{headings.purpose}</dt>
            <dd>{entry.purpose}</dd>
            <dt>{headings.seenBy}</dt>
            <dd>{entry.seenBy.join(' ; ')}</dd>
            <dt>{headings.retention}</dt>
            <dd>{entry.retention}</dd>
            <dt>{headings.recipients}</dt>
            <dd>{entry.recipients.join(' ; ')}</dd>
          </dl>
        </article>
      ))}
    </section>
  );
}

export function PrivacyAdminPage({ viewer, onNotice }: { viewer: Viewer; onNotice: (message: string) => void }) {
  const admin = viewer.role === 'ADMIN';
  const page = useQuery(PrivacyAdminDocument, {}, { skip: !admin });
  const [saved, setSaved] = useState(0);
  const state = page.state;
  if (!admin) {
    return (
      <section class="settings-page" aria-labelledby="privacy-admin-title">
        <h1 id="privacy-admin-title">{t('privacy.admin.title')}</h1>
        <p class="empty-state">{t('privacy.admin.headOfficeOnly')}</p>
      </section>
    );
  }
  return (
    <section class="settings-page" aria-labelledby="privacy-admin-title">
      <header class="page-header">
        <h1 id="privacy-admin-title">{t('privacy.admin.title')}</h1>
      </header>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && (
        <div class="empty-state" role="alert">
          <p>{state.message}</p>
          <button type="button" class="button" onClick={() => page.reload()}>
            {t('notifications.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <RegisterSection entries={state.data.dataRegister} />
          <PrivacyRetentionForm
            key={saved}
            policy={state.data.privacyPolicy}
            onSaved={() => {
              setSaved((n) => n + 1);
              page.reload();
              onNotice(t('privacy.admin.saved'));
            }}
          />
          <section class="settings-card" aria-labelledby="runs-title">
            <h2 id="runs-title">{t('privacy.admin.runsTitle')}</h2>
            {state.data.retentionRuns.length === 0 ? (
              <p class="hint">{t('privacy.admin.noRuns')}</p>
            ) : (
              <ul class="device-list">
                {state.data.retentionRuns.map((run) => (
                  <li key={run.ranAt} class="privacy-run">
                    <span class="device-name">{when(run.ranAt)}</span>
                    <span class="hint">{removedSummary(run.removed)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
