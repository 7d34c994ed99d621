/** Head office's retention periods (days; 0 keeps forever) and the boards' default. */
import { useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import { type PrivacyPolicyFieldsFragment, UpdatePrivacyPolicyDocument } from '../../graphql/privacy.generated';
import { t, type MessageKey } from '../../i18n';

const PERIODS = ['resultsDays', 'notificationsDays', 'auditDays', 'sessionsDays', 'outboxDays', 'deletedMediaDays'] as const;
type Period = (typeof PERIODS)[number];

export function PrivacyRetentionForm({ policy, onSaved }: { policy: PrivacyPolicyFieldsFragment; onSaved: () => void }) {
  const run = useMutation(UpdatePrivacyPolicyDocument).run;
  const [days, setDays] = useState<Record<Period, string>>(() =>
    Object.fromEntries(PERIODS.map((p) => [p, String(policy[p])])) as Record<Period, string>,
  );
  const [anonymous, setAnonymous] = useState(policy.boardsAnonymousOutsideTeam);
  const [errors, setErrors] = useState<Partial<Record<Period, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    const bad = PERIODS.filter((p) => !/^\d{1,4}$/.test(days[p].trim()));
    if (bad.length > 0) return setErrors(Object.fromEntries(bad.map((p) => [p, t('privacy.admin.daysInvalid')])));
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const input = { ...Object.fromEntries(PERIODS.map((p) => [p, Number(days[p])])), boardsAnonymousOutsideTeam: anonymous };
      const { updatePrivacyPolicy: reply } = await run({ input });
      if (reply.__typename === 'UpdatePrivacyPolicySuccess') onSaved();
      else if (reply.__typename === 'ValidationError' && reply.field) setErrors({ [reply.field as Period]: reply.message });
      else setFormError(reply.message);
    } catch {
      setFormError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="settings-card" onSubmit={save} noValidate aria-labelledby="retention-title">
      <h2 id="retention-title">{t('privacy.admin.retentionTitle')}</h2>
      <p class="hint">{t('privacy.admin.retentionIntro')}</p>
      {formError && (
        <p class="form-error" role="alert">
          {formError}
        </p>
      )}
      {PERIODS.map((period) => (
        <div class="field" key={period}>
          <label for={`retention-${period}`}>{t(`privacy.period.${period}` as MessageKey)}</label>
          <input
            id={`retention-${period}`}
            inputMode="numeric"
            value={days[period]}
            aria-invalid={errors[period] ? 'true' : undefined}
            aria-describedby={errors[period] ? `retention-${period}-error` : undefined}
            onInput={(e) => setDays({ ...days, [period]: e.currentTarget.value })}
          />
          {errors[period] && (
            <p id={`retention-${period}-error`} class="field-error">
              {errors[period]}
            </p>
          )}
        </div>
      ))}
      <label class="switch-row">
        <span>{t('privacy.admin.boardsAnonymous')}</span>
        <input type="checkbox" role="switch" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
      </label>
      <button type="submit" class="button button-primary button-block" disabled={busy}>
        {busy ? t('privacy.admin.saving') : t('privacy.admin.save')}
      </button>
    </form>
  );
}
