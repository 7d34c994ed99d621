/** Export a person's data (head office, or their manager): the zip's link, for the one who asked. */
import { useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import { ExportPersonalDataDocument } from '../../graphql/privacy.generated';
import { language, t } from '../../i18n';
import { fileSize } from '../../lib/dataRegister';

export function PeopleExportButton({ personId }: { personId: string }) {
  const run = useMutation(ExportPersonalDataDocument).run;
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ url: string | null; size: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function ask() {
    setBusy(true);
    setError(null);
    try {
      const { exportPersonalData: reply } = await run({ personId });
      if (reply.__typename === 'ExportPersonalDataSuccess') setLink({ url: reply.export.downloadUrl, size: reply.export.sizeBytes });
      else setError(reply.message);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  if (link) {
    return link.url ? (
      <a class="button button-block" href={link.url} download>
        {t('privacy.download', { size: fileSize(link.size, language) })}
      </a>
    ) : (
      <p role="status">{t('people.export.pending')}</p>
    );
  }
  return (
    <>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button button-block" onClick={() => void ask()} disabled={busy}>
        {busy ? t('privacy.exporting') : t('people.export.open')}
      </button>
    </>
  );
}
