/**
 * The page of a « mot de passe oublié » link: a new password, then this device is signed in
 * and every other session of the person ends.
 */
import { useState } from 'preact/hooks';
import { type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { ResetPasswordDocument } from '../../graphql/accountRecovery.generated';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { isOffline } from '../../lib/requestErrors';
import { linkClick } from '../../router';
import { AccountsNewPasswordFields, newPasswordProblems } from './AccountsNewPasswordFields';
import { useLinkToken } from './useLinkToken';

export function AccountsResetPasswordForm({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const token = useLinkToken();
  const runReset = useMutation(ResetPasswordDocument).run;
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<{ password?: string; confirm?: string }>({});
  const [formError, setFormError] = useState<string | null>(token ? null : t('reset.noLink'));
  const [linkDead, setLinkDead] = useState(!token);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || !token) return;
    const problems = newPasswordProblems(password, confirm);
    setFields(problems);
    if (problems.password || problems.confirm) return;
    setBusy(true);
    setFormError(null);
    try {
      const { resetPassword: reply } = await runReset({ input: { token, password } });
      if (reply.__typename === 'AuthSuccess') return onSignedIn(reply.viewer);
      if (reply.__typename === 'ValidationError' && reply.field === 'password') return setFields({ password: reply.message });
      setFormError(reply.message);
      setLinkDead(reply.__typename === 'InvalidLinkError');
    } catch (error) {
      setFormError(t(isOffline(error) ? 'errors.network' : 'errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <p class="auth-intro">{t('reset.intro')}</p>
      {formError && (
        <p class="form-error" role="alert">
          {formError}
        </p>
      )}
      {!linkDead && (
        <>
          <AccountsNewPasswordFields
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            label={t('reset.password')}
            confirmLabel={t('reset.confirm')}
            error={fields.password}
            confirmError={fields.confirm}
          />
          <button type="submit" class="button button-primary button-block" disabled={busy}>
            {busy ? t('reset.submitting') : t('reset.submit')}
          </button>
        </>
      )}
      <p class="auth-switch">
        <a href="/password/forgot" onClick={linkClick}>
          {t('reset.askAgain')}
        </a>
      </p>
    </form>
  );
}
