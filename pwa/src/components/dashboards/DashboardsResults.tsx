import { language, t } from '../../i18n';
import { percent } from '../../lib/levers';
import { LeverProgressBar } from '../levers/LeverProgressBar';
import type { MyDashboardFieldsFragment } from '../../graphql/dashboards.generated';

type ResultAgainstTarget = MyDashboardFieldsFragment['results'][number];

function amount(value: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** Results against targets: one card per metric, a bar and « 3 sur 10 véh. · 30 % ». */
export function DashboardsResults({ results, testId }: { results: ResultAgainstTarget[]; testId: string }) {
  if (results.length === 0) return <p class="lever-empty">{t('dashboards.noResults')}</p>;
  return (
    <ul class="lever-list" data-testid={testId}>
      {results.map((result) => (
        <li key={result.metricId} class="lever-card">
          <span class="lever-card-title">{result.metricName}</span>
          <LeverProgressBar
            done={result.total}
            total={result.target}
            label={t('dashboards.resultBar', { name: result.metricName, value: percent(result.percent, language) })}
          />
          <span class="lever-muted">
            {t('dashboards.resultOf', { total: amount(result.total), target: amount(result.target), unit: result.unitLabel })} ·{' '}
            {percent(result.percent, language)}
          </span>
        </li>
      ))}
    </ul>
  );
}
