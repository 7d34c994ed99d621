import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { linkClick } from '../../router';
import { useQuery, useMutation } from '../../graphql/hooks';
import { ChallengesSpreadTarget } from './ChallengesSpreadTarget';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { AwardablePeopleDocument } from '../../graphql/badges.generated';
import { ChallengesDocument, ImportResultsDocument, type ImportResultsMutation, ImportTargetsDocument, RecordResultDocument, SetTargetDocument } from '../../graphql/challenges.generated';

type ImportUnion = ImportResultsMutation['importResults'];

type Tab = 'result' | 'import' | 'targets';

function newKey(): string {
  return `pwa-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function Report({ report }: { report: ImportUnion }) {
  if (report.__typename !== 'ImportReport') return <p role="alert" class="form-error">{report.message}</p>;
  return (
    <div class="import-report" data-testid="import-report">
      <p>{t('challenges.importSummary', { applied: report.applied, total: report.total })}</p>
      {report.errors.length > 0 && (
        <table>
          <caption>{t('challenges.importErrors', { count: report.errors.length })}</caption>
          <thead><tr><th>{t('challenges.line')}</th><th>{t('challenges.reason')}</th></tr></thead>
          <tbody>{report.errors.map((e) => <tr key={e.line}><td>{e.line}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}

/**
 * Managers: record a result, import a CSV file (checked first, with its error report), set targets
 * or spread a unit's; admins also reach the integration tokens from here.
 */
export function ChallengesManage({ viewer, onNotice }: { viewer: Viewer; onNotice: (message: string) => void }) {
  const runImportResults = useMutation(ImportResultsDocument).run;
  const runImportTargets = useMutation(ImportTargetsDocument).run;
  const runRecordResult = useMutation(RecordResultDocument).run;
  const runSetTarget = useMutation(SetTargetDocument).run;
  const { state } = useQuery(ChallengesDocument, {});
  const people = useQuery(AwardablePeopleDocument, { search: null });
  const [tab, setTab] = useState<Tab>('result');
  const [metric, setMetric] = useState('');
  const [person, setPerson] = useState('');
  const [value, setValue] = useState('1');
  const [reason, setReason] = useState('');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportUnion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(newKey);
  if (state.status !== 'ready' || people.state.status !== 'ready') return <p role="status">{t('app.loading')}</p>;
  const metrics = state.data.metrics;
  const everyone = people.state.data.awardablePeople;
  const metricId = metric || metrics[0]?.id || '';
  const personId = person || everyone[0]?.id || '';

  const record = async () => {
    setError(null);
    try {
      const { recordResult } = await runRecordResult({
        metric: metricId, participant: personId, value: Number(value), occurredAt: new Date().toISOString(),
        idempotencyKey: key, reason: reason.trim() || null,
      });
      if (recordResult.__typename === 'RecordResultSuccess') {
        onNotice(t('challenges.resultRecorded'));
        setKey(newKey()); // the same click twice (a retry) keeps the key, a new entry gets a new one
        setReason('');
      } else {
        setError(recordResult.message);
      }
    } catch {
      setError(t('errors.network'));
    }
  };

  const runImport = async (validRowsOnly: boolean) => {
    setError(null);
    try {
      const reply = tab === 'targets'
        ? (await runImportTargets({ csv, validRowsOnly })).importTargets
        : (await runImportResults({ csv, validRowsOnly })).importResults;
      setReport(reply);
    } catch {
      setError(t('errors.network'));
    }
  };

  const setTarget = async () => {
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const { setTarget: reply } = await runSetTarget({
      metric: metricId, participant: personId, periodStart: start.toISOString(), periodEnd: end.toISOString(), value: Number(value),
    });
    if (reply.__typename === 'SetTargetSuccess') onNotice(t('challenges.targetSet'));
    else setError(reply.message);
  };

  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };

  return (
    <section class="challenge-manage" aria-labelledby="manage-title">
      <h1 id="manage-title">{t('challenges.manage')}</h1>
      <p class="challenge-links">
        <a href="/challenges/audit" onClick={linkClick} class="link-button" data-testid="open-audit">{t('challenges.auditLink')}</a>
        {viewer.role === 'ADMIN' && (
          <a href="/challenges/tokens" onClick={linkClick} class="link-button" data-testid="open-tokens">{t('challenges.tokens.link')}</a>
        )}
      </p>
      <div class="challenge-tabs" role="group" aria-label={t('challenges.manage')}>
        {(['result', 'import', 'targets'] as Tab[]).map((name) => (
          <button key={name} type="button" aria-pressed={tab === name} onClick={() => { setTab(name); setReport(null); }}>
            {t(`challenges.tab.${name}` as never)}
          </button>
        ))}
      </div>
      {tab !== 'import' && (
        <fieldset>
          <label>{t('challenges.metric')}
            <select value={metricId} onChange={(e) => setMetric(e.currentTarget.value)}>
              {metrics.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </label>
          <label>{t('challenges.person')}
            <select value={personId} onChange={(e) => setPerson(e.currentTarget.value)} data-testid="result-person">
              {everyone.map((p) => <option key={p.id} value={p.id}>{p.displayName}{p.unit ? ` · ${p.unit.name}` : ''}</option>)}
            </select>
          </label>
          <label>{tab === 'targets' ? t('challenges.targetValue') : t('challenges.value')}
            <input type="number" step="any" value={value} onInput={(e) => setValue(e.currentTarget.value)} data-testid="result-value" />
          </label>
          {tab === 'result' && (
            <label>{t('challenges.correctionReason')}<input value={reason} onInput={(e) => setReason(e.currentTarget.value)} maxLength={300} /></label>
          )}
          <button type="button" class="button" onClick={() => void (tab === 'targets' ? setTarget() : record())} data-testid="result-submit">
            {tab === 'targets' ? t('challenges.saveTarget') : t('challenges.recordResult')}
          </button>
        </fieldset>
      )}
      {tab !== 'result' && (
        <fieldset>
          <p class="hint">{tab === 'targets' ? t('challenges.csvTargetsHelp') : t('challenges.csvResultsHelp')}</p>
          <label>{t('challenges.csvFile')}<input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.currentTarget.files?.[0])} /></label>
          <label>{t('challenges.csvText')}<textarea value={csv} rows={6} onInput={(e) => setCsv(e.currentTarget.value)} /></label>
          <button type="button" class="button" disabled={!csv.trim()} onClick={() => void runImport(false)}>{t('challenges.importAll')}</button>
          {report?.__typename === 'ImportReport' && report.errors.length > 0 && report.applied === 0 && (
            <button type="button" class="button button-secondary" onClick={() => void runImport(true)}>{t('challenges.importValidOnly')}</button>
          )}
        </fieldset>
      )}
      {tab === 'import' || tab === 'targets' ? report && <Report report={report} /> : null}
      {tab === 'targets' && <ChallengesSpreadTarget metrics={metrics} onNotice={onNotice} />}
      {error && <p role="alert" class="form-error">{error}</p>}
    </section>
  );
}
