/**
 * « Mot de passe oublié » : the address of the account; the answer is the same whether it has
 * one or not (the server says nothing either way), and names the address typed.
 */
import { useState } from 'preact/hooks';
import { RequestPasswordResetDocument } from '../../graphql/accountRecovery.generated';
import { useMutation } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { formErrorsFrom, looksLikeEmail, noFormErrors, type FormErrors } from '../../lib/formErrors';
import { formatWaitDuration } from '../../lib/relativeTime';
import { isOffline } from '../../lib/requestErrors';
import { linkClick } from '../../router';
import { AccountsField } from './AccountsField';
import { useRetryCountdown } from './useRetryCountdown';

type Field = 'email';

export function AccountsForgotPasswordForm() {
  const runRequest = useMutation(RequestPasswordResetDocument).run;
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [waitSeconds, startWait] = useRetryCountdown();

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    if (!looksLikeEmail(email)) {
      setErrors({ ...noFormErrors<Field>(), fields: { email: email.trim() ? t('errors.invalidEmail') : t('errors.required') } });
      return;
    }
    setBusy(true);
    setErrors(noFormErrors());
    try {
      const { requestPasswordReset: reply } = await runRequest({ email: email.trim() });
      if (reply.__typename === 'RequestPasswordResetSuccess') {
        setSentTo(email.trim());
        return;
      }
      const next = formErrorsFrom(reply, ['email'] as const);
      setErrors(next);
      startWait(next.retryAfterSeconds);
    } catch (error) {
      setErrors({ ...noFormErrors<Field>(), form: t(isOffline(error) ? 'errors.network' : 'errors.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {sentTo ? (
        <p class="notice" role="status">
          {t('forgot.sent', { email: sentTo })}
        </p>
      ) : (
        <>
          <p class="auth-intro">{t('forgot.intro')}</p>
          {errors.form && (
            <p class="form-error" role="alert">
              {errors.form}
            </p>
          )}
          <AccountsField
            name="email"
            type="email"
            inputMode="email"
            label={t('forgot.email')}
            value={email}
            onInput={setEmail}
            autoComplete="username"
            error={errors.fields.email}
          />
          <button type="submit" class="button button-primary button-block" disabled={busy || waitSeconds > 0}>
            {busy
              ? t('forgot.submitting')
              : waitSeconds > 0
                ? t('auth.retryIn', { wait: formatWaitDuration(waitSeconds, language) })
                : t('forgot.submit')}
          </button>
        </>
      )}
      <p class="auth-switch">
        <a href="/login" onClick={linkClick}>
          {t('forgot.toLogin')}
        </a>
      </p>
    </form>
  );
}
