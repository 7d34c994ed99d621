/**
 * « Importer / exporter » on the network screen (head office): a CSV chosen on the phone is sent,
 * checked as a whole (a progress bar, then the report: what would change, every bad line with its
 * column and reason), then applied when the admin says so (all of it, or the valid lines only),
 * with a progress bar. « Exporter » downloads the network as the same CSV.
 */
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { errorMessage, useMutation, useQuery } from '../../graphql/hooks';
import {
  ExportNetworkDocument,
  ImportNetworkDocument,
  NetworkImportDocument,
  type NetworkImportFieldsFragment as Job,
} from '../../graphql/network.generated';
import { t } from '../../i18n';
import { applyChoice, isRunning, percentDone, type ImportStatus } from '../../lib/networkImport';
import { CSV_MAX_BYTES, uploadNetworkCsv } from './uploadNetworkCsv';

const POLL_MS = 600;

export function NetworkImport({ onApplied }: { onApplied: (message: string) => void }) {
  const start = useMutation(ImportNetworkDocument);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { state, reload, set } = useQuery(NetworkImportDocument, { id: jobId ?? '' }, { skip: jobId === null });
  const job: Job | null = jobId !== null && state.status === 'ready' ? state.data.networkImport : null;
  const status = job?.status as ImportStatus | undefined;

  useEffect(() => {
    if (!status || !isRunning(status)) return undefined;
    const timer = window.setTimeout(reload, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [status, job?.done, reload]);

  useEffect(() => {
    if (status === 'APPLIED' && job?.counts) {
      onApplied(t('network.import.appliedNotice', { units: job.counts.unitsCreated, people: job.counts.peopleInvited }));
    }
    // once per finished import
  }, [status === 'APPLIED' ? jobId : null]);

  const begin = async (importId: string, apply: boolean, validOnly: boolean) => {
    const { importNetwork: reply } = await start.run({ input: { importId, apply, applyValidOnly: validOnly } });
    if (reply.__typename !== 'ImportNetworkSuccess') throw new Error(reply.message);
    // the same import applied after its check: show its new state at once (polling follows it)
    if (reply.job.id === jobId) set({ networkImport: reply.job });
    else setJobId(reply.job.id);
  };

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setJobId(null);
    if (file.size > CSV_MAX_BYTES) {
      setError(t('network.import.tooLarge', { max: CSV_MAX_BYTES / 1024 / 1024 }));
      input.value = '';
      return;
    }
    try {
      setUploading(0);
      const id = await uploadNetworkCsv(file, setUploading);
      await begin(id, false, false);
    } catch (failure) {
      setError(failure instanceof Error && failure.message !== 'network' ? failure.message : t('errors.network'));
    } finally {
      setUploading(null);
      input.value = '';
    }
  };

  const apply = (validOnly: boolean) => {
    if (!jobId) return;
    setError(null);
    begin(jobId, true, validOnly).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : t('errors.network')));
  };

  const download = async () => {
    setError(null);
    try {
      const { exportNetwork } = await request(ExportNetworkDocument, {});
      const blob = new Blob(['\ufeff', exportNetwork.csv], { type: 'text/csv;charset=utf-8' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = exportNetwork.filename;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const validLines = job && job.lines !== null && job.counts ? job.lines - job.counts.linesRefused : null;
  const choice = job && status ? applyChoice(status, job.errorCount, validLines) : 'none';
  const running = uploading !== null || (status !== undefined && isRunning(status));
  const percent = uploading ?? (job ? percentDone(job.done, job.total) : 0);

  return (
    <section class="admin-block" aria-labelledby="network-import-title">
      <h2 id="network-import-title">{t('network.import.title')}</h2>
      <p class="lever-muted">{t('network.import.intro')}</p>
      <label class="field">
        <span>{t('network.import.file')}</span>
        <input class="network-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void choose(e)} disabled={running} />
      </label>
      <button type="button" class="button button-block" onClick={() => void download()}>
        {t('network.import.export')}
      </button>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {running && (
        <div role="status">
          <p>
            {uploading !== null
              ? t('network.import.uploading')
              : status === 'APPLYING'
                ? t('network.import.applying', { done: job?.done ?? 0, total: job?.total ?? 0 })
                : t('network.import.checking')}
          </p>
          <div
            class="network-progress"
            role="progressbar"
            aria-label={t('network.import.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <div class="network-progress-bar" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {job && !running && <NetworkImportReport job={job} />}
      {choice === 'all' && (
        <button type="button" class="button button-primary button-block" onClick={() => apply(false)} disabled={start.busy}>
          {t('network.import.apply')}
        </button>
      )}
      {choice === 'valid' && (
        <button type="button" class="button button-block" onClick={() => apply(true)} disabled={start.busy}>
          {t('network.import.applyValid', { count: validLines ?? 0 })}
        </button>
      )}
    </section>
  );
}

function NetworkImportReport({ job }: { job: Job }) {
  if (job.status === 'REFUSED' || job.status === 'FAILED') {
    return (
      <p class="form-error" role="alert">
        {job.refusal ?? t('errors.unexpected')}
      </p>
    );
  }
  const counts = job.counts;
  return (
    <div class="admin-block" aria-label={t('network.import.report')}>
      <p role="status">
        {job.status === 'APPLIED' ? t('network.import.applied') : job.errorCount > 0 ? t('network.import.checkedWithErrors', { count: job.errorCount }) : t('network.import.checkedClean')}
      </p>
      <p class="lever-muted">{t('network.import.read', { lines: job.lines ?? 0, encoding: job.encoding ?? '', delimiter: job.delimiter === '\t' ? 'tab' : job.delimiter ?? '' })}</p>
      {counts && (
        <dl class="network-figures">
          <div>
            <dt>{t('network.import.unitsCreated')}</dt>
            <dd>{counts.unitsCreated}</dd>
          </div>
          <div>
            <dt>{t('network.import.unitsChanged')}</dt>
            <dd>{counts.unitsUpdated + counts.unitsMoved}</dd>
          </div>
          <div>
            <dt>{t('network.import.peopleInvited')}</dt>
            <dd>{counts.peopleInvited}</dd>
          </div>
          <div>
            <dt>{t('network.import.peopleChanged')}</dt>
            <dd>{counts.peopleUpdated}</dd>
          </div>
          <div>
            <dt>{t('network.import.unchanged')}</dt>
            <dd>{counts.unitsUnchanged + counts.peopleUnchanged}</dd>
          </div>
          <div>
            <dt>{t('network.import.refused')}</dt>
            <dd>{counts.linesRefused}</dd>
          </div>
        </dl>
      )}
      {job.errors.length > 0 && (
        <ul class="network-report" aria-label={t('network.import.errors')}>
          {job.errors.map((e) => (
            <li key={`${e.line}-${e.column ?? ''}-${e.code}`}>
              {t('network.import.errorAt', { line: e.line, column: e.column ?? '—' })} {e.message}
            </li>
          ))}
        </ul>
      )}
      {job.errorCount > job.errors.length && <p class="lever-muted">{t('network.import.moreErrors', { count: job.errorCount - job.errors.length })}</p>}
    </div>
  );
}
