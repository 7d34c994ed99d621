/**
 * Head office erases a person who left: their name becomes « Ancien collaborateur » and a
 * suffix everywhere, their own texts, photos and devices go; their results and ranks stay.
 * Their Open Badges credentials keep verifying, or are revoked, as head office chooses.
 */
import { useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import { ErasePersonDocument } from '../../graphql/privacy.generated';
import type { CredentialChoice } from '../../graphql/types.generated';
import { t } from '../../i18n';

interface PeopleEraseConfirmProps {
  personId: string;
  name: string;
  onCancel: () => void;
  onErased: (message: string) => void;
}

export function PeopleEraseConfirm({ personId, name, onCancel, onErased }: PeopleEraseConfirmProps) {
  const run = useMutation(ErasePersonDocument).run;
  const [credentials, setCredentials] = useState<CredentialChoice>('KEEP');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function erase() {
    setBusy(true);
    setError(null);
    try {
      const { erasePerson: reply } = await run({ personId, credentials });
      if (reply.__typename === 'ErasePersonSuccess') onErased(t('people.erase.done', { name, pseudonym: reply.pseudonym }));
      else setError(reply.message);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="profile-confirm" role="alertdialog" aria-labelledby="person-erase-title">
      <p id="person-erase-title" class="profile-name">
        {t('people.erase.title', { name })}
      </p>
      <p>{t('people.erase.text')}</p>
      <fieldset class="privacy-choice">
        <legend>{t('people.erase.credentials')}</legend>
        <label class="switch-row">
          <span>{t('people.erase.keep')}</span>
          <input type="radio" name="credentials" checked={credentials === 'KEEP'} onChange={() => setCredentials('KEEP')} />
        </label>
        <label class="switch-row">
          <span>{t('people.erase.revoke')}</span>
          <input type="radio" name="credentials" checked={credentials === 'REVOKE'} onChange={() => setCredentials('REVOKE')} />
        </label>
      </fieldset>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button button-danger button-block" onClick={() => void erase()} disabled={busy}>
        {busy ? t('people.erase.erasing') : t('people.erase.confirm')}
      </button>
      <button type="button" class="button button-block" onClick={onCancel} disabled={busy}>
        {t('people.cancel')}
      </button>
    </div>
  );
}
