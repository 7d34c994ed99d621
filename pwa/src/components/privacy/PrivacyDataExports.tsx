/** « Mes données »: ask for a zip of everything Élan holds about me, and download it. */
import { useEffect, useState } from 'preact/hooks';
import { useMutation, useQuery } from '../../graphql/hooks';
import { type DataExportFieldsFragment, ExportPersonalDataDocument, MyDataExportsDocument } from '../../graphql/privacy.generated';
import { language, t } from '../../i18n';
import { fileSize } from '../../lib/dataRegister';

const POLL_MS = 3000;

function expiry(iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function PrivacyDataExports({ initial }: { initial: readonly DataExportFieldsFragment[] }) {
  const exports = useQuery(MyDataExportsDocument, {}, { skip: true });
  const runExport = useMutation(ExportPersonalDataDocument).run;
  const [shown, setShown] = useState<readonly DataExportFieldsFragment[]>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = shown.some((e) => e.status === 'PENDING');

  useEffect(() => {
    if (exports.state.status === 'ready') setShown(exports.state.data.myDataExports);
  }, [exports.state]);
  useEffect(() => {
    if (!pending) return undefined;
    const timer = window.setTimeout(() => exports.reload(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, shown, exports]);

  async function ask() {
    setBusy(true);
    setError(null);
    try {
      const { exportPersonalData: reply } = await runExport({});
      if (reply.__typename === 'ExportPersonalDataSuccess') setShown([reply.export, ...shown.filter((e) => e.id !== reply.export.id)]);
      else setError(reply.message);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="settings-card" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('privacy.myData')}</h2>
      <p class="hint">{t('privacy.myDataIntro')}</p>
      {error && (
        <p class="status-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button button-primary button-block" onClick={() => void ask()} disabled={busy}>
        {busy ? t('privacy.exporting') : t('privacy.export')}
      </button>
      {shown.length > 0 && (
        <ul class="device-list privacy-exports">
          {shown.map((item) => (
            <li key={item.id} class="device">
              {item.downloadUrl ? (
                <>
                  <a class="button" href={item.downloadUrl} download>
                    {t('privacy.download', { size: fileSize(item.sizeBytes, language) })}
                  </a>
                  <span class="hint">{t('privacy.until', { time: expiry(item.expiresAt) })}</span>
                </>
              ) : (
                <span role="status">{t('privacy.preparing')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
