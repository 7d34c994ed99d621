import { useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { t } from '../../i18n';
import { DashboardCsvDocument } from '../../graphql/dashboards.generated';
import type { DashboardTable } from '../../graphql/types.generated';

/** Downloads one of the tables a manager sees, as the server writes it. */
export function DashboardsCsvButton({ unitId, table, onNotice }: { unitId: string; table: DashboardTable; onNotice: (m: string) => void }) {
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      const { dashboardCsv } = await request(DashboardCsvDocument, { unitId, table });
      const url = URL.createObjectURL(new Blob(['\ufeff', dashboardCsv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `elan-${table.toLowerCase()}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" class="button button-small" disabled={busy} onClick={() => void download()}>
      {t('dashboards.exportCsv')}
    </button>
  );
}
