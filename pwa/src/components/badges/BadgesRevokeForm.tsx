import { useMutation } from '../../graphql/hooks';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { RevokeAwardDocument } from '../../graphql/badges.generated';
import type { AwardFieldsFragment as Award } from '../../graphql/people.generated';

interface BadgesRevokeFormProps {
  award: Award;
  onRevoked: () => void;
  onCancel: () => void;
}

/** The awarder (or head office) takes an award back, saying why. */
export function BadgesRevokeForm({ award, onRevoked, onCancel }: BadgesRevokeFormProps) {
  const runRevokeAward = useMutation(RevokeAwardDocument).run;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `revoke-${award.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { revokeAward } = await runRevokeAward({ awardId: award.id, reason: reason.trim() });
      if (revokeAward.__typename === 'RevokeAwardSuccess') onRevoked();
      else setError(revokeAward.message);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="revoke-form" onSubmit={submit} noValidate>
      <div class="field">
        <label for={id}>{t('revoke.reason')}</label>
        <textarea id={id} rows={2} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="award-buttons">
        <button type="button" class="button" onClick={onCancel}>
          {t('award.back')}
        </button>
        <button type="submit" class="button button-danger" disabled={busy}>
          {busy ? t('revoke.sending') : t('revoke.confirm')}
        </button>
      </div>
    </form>
  );
}
