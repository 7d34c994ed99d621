/**
 * Managers: spread a unit's total for a month evenly among the people of its subtree,
 * then list who received what.
 */
import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import {
  checkSpread, monthOf, monthPeriod, spreadFieldOf, spreadSummary, spreadValue,
  type SpreadField, type SpreadValues,
} from '../../lib/targetSpread';
import { useQuery, useMutation } from '../../graphql/hooks';
import { type ChallengesQuery, SpreadTargetDocument, type SpreadTargetMutation, TargetScopesDocument } from '../../graphql/challenges.generated';

type PersonTarget = Extract<SpreadTargetMutation['spreadTarget'], { __typename: 'SetTargetSuccess' }>['people'][number];
type Metric = ChallengesQuery['metrics'][number];

function FieldError({ field, errors }: { field: SpreadField; errors: Partial<Record<SpreadField, string>> }) {
  const message = errors[field];
  if (!message) return null;
  return <span class="field-error" id={`spread-${field}-error`} role="alert" data-testid={`spread-error-${field}`}>{message}</span>;
}

function number(value: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

export function ChallengesSpreadTarget({ metrics, onNotice }: { metrics: Metric[]; onNotice: (message: string) => void }) {
  const runSpreadTarget = useMutation(SpreadTargetDocument).run;
  const scopes = useQuery(TargetScopesDocument, {});
  const [values, setValues] = useState<SpreadValues>({ unit: '', metric: '', month: monthOf(new Date()), value: '' });
  const [errors, setErrors] = useState<Partial<Record<SpreadField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [people, setPeople] = useState<PersonTarget[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (scopes.state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (scopes.state.status === 'error') return <p role="alert">{t('errors.network')}</p>;
  const units = scopes.state.data.challengeScopes;
  const current: SpreadValues = { ...values, unit: values.unit || units[0]?.id || '', metric: values.metric || metrics[0]?.id || '' };
  const change = (patch: Partial<SpreadValues>) => setValues({ ...current, ...patch });
  const described = (field: SpreadField) => (errors[field] ? `spread-${field}-error` : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const found = checkSpread(current);
    const messages = Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key as never)]));
    setErrors(messages);
    const period = monthPeriod(current.month);
    if (Object.keys(found).length > 0 || period === null) return;
    setBusy(true);
    try {
      const { spreadTarget } = await runSpreadTarget({
        metric: current.metric, unit: current.unit, ...period, value: spreadValue(current),
      });
      if (spreadTarget.__typename === 'SetTargetSuccess') {
        setPeople(spreadTarget.people);
        onNotice(t('challenges.spread.done'));
      } else {
        const field = spreadFieldOf(spreadTarget.__typename === 'ValidationError' ? spreadTarget.field : null);
        if (field) setErrors({ [field]: spreadTarget.message });
        else setFormError(spreadTarget.message);
      }
    } catch {
      setFormError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const summary = people ? spreadSummary(people) : null;
  return (
    <form class="spread-target" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="spread-title" data-testid="spread-form">
      <h2 id="spread-title">{t('challenges.spread.title')}</h2>
      <p class="hint">{t('challenges.spread.help')}</p>
      <label>{t('challenges.spread.unit')}
        <select value={current.unit} onChange={(e) => change({ unit: e.currentTarget.value })} aria-describedby={described('unit')} data-testid="spread-unit">
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </label>
      <FieldError field="unit" errors={errors} />
      <label>{t('challenges.metric')}
        <select value={current.metric} onChange={(e) => change({ metric: e.currentTarget.value })} aria-describedby={described('metric')} data-testid="spread-metric">
          {metrics.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <FieldError field="metric" errors={errors} />
      <label>{t('challenges.spread.month')}
        <input type="month" value={current.month} onInput={(e) => change({ month: e.currentTarget.value })} aria-describedby={described('month')} />
      </label>
      <FieldError field="month" errors={errors} />
      <label>{t('challenges.spread.total')}
        <input type="text" inputMode="decimal" value={current.value} onInput={(e) => change({ value: e.currentTarget.value })}
          aria-describedby={described('value')} aria-invalid={errors.value ? true : undefined} data-testid="spread-value" />
      </label>
      <FieldError field="value" errors={errors} />
      <button type="submit" class="button" disabled={busy}>{t('challenges.spread.submit')}</button>
      {formError && <p role="alert" class="form-error">{formError}</p>}
      {summary && people && (
        <div class="spread-result" data-testid="spread-result" role="status">
          <p>{summary.members === 0
            ? t('challenges.spread.nobody')
            : summary.share !== null
              ? t('challenges.spread.summary', { count: summary.members, share: number(summary.share) })
              : t('challenges.spread.summaryMixed', { count: summary.members })}</p>
          {people.length > 0 && (
            <table>
              <caption>{t('challenges.spread.membersCaption')}</caption>
              <thead><tr><th>{t('challenges.person')}</th><th>{t('challenges.spread.memberTarget')}</th></tr></thead>
              <tbody>{people.map((p) => (
                <tr key={p.userId} data-testid="spread-member"><td>{p.displayName}</td><td>{number(p.value)}</td></tr>
              ))}</tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
