import { useMutation } from '../../graphql/hooks';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ImportSatisfactionCsvDocument, type ImportSatisfactionCsvMutation } from '../../graphql/evaluation.generated';

type ImportSatisfactionCsvResult = ImportSatisfactionCsvMutation['importSatisfactionCsv'];

/** Survey results from a file: every row checked on the server, all recorded or none, errors by line. */
export function EvaluationCsvImportPanel({ onNotice }: { onNotice: (message: string) => void }) {
  const runImportSatisfactionCsv = useMutation(ImportSatisfactionCsvDocument).run;
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportSatisfactionCsvResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function readFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (file) setCsv(await file.text());
  }

  async function send() {
    setBusy(true);
    try {
      const { importSatisfactionCsv } = await runImportSatisfactionCsv({ csv });
      setResult(importSatisfactionCsv);
      if (importSatisfactionCsv.__typename === 'ImportSatisfactionSuccess') setCsv('');
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="action-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h2 class="lever-subtitle">{t('pos.importTitle')}</h2>
      <p class="lever-muted">{t('pos.importHint')}</p>
      <label class="field">
        <span>{t('pos.importFile')}</span>
        <input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.currentTarget as HTMLInputElement)} />
      </label>
      <label class="field">
        <span>{t('pos.importText')}</span>
        <textarea rows={4} value={csv} onInput={(e) => setCsv((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" class="button button-primary" disabled={busy || !csv.trim()}>
        {t('pos.importSubmit')}
      </button>
      {result?.__typename === 'ImportSatisfactionSuccess' ? (
        <p class="lever-ok" role="status">
          {t('pos.imported', { count: result.imported })}
        </p>
      ) : null}
      {result?.__typename === 'ImportSatisfactionRejected' ? (
        <div role="alert">
          <p class="field-error">{result.message}</p>
          <ul class="survey-list">
            {result.rows.map((row) => (
              <li key={`${row.line}-${row.column}`}>
                <span>{t('pos.line', { line: row.line })}</span>
                <span>{row.column}</span>
                <span class="lever-muted">{row.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && 'code' in result ? <p class="field-error">{result.message}</p> : null}
    </form>
  );
}
