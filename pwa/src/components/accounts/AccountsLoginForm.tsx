import { useRef, useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { isOffline } from '../../lib/requestErrors';
import { formatWaitDuration } from '../../lib/relativeTime';
import { formErrorsFrom, looksLikeEmail, noFormErrors, type FormErrors } from '../../lib/formErrors';
import { linkClick } from '../../router';
import { AccountsField } from './AccountsField';
import { useRetryCountdown } from './useRetryCountdown';
import { LoginDocument, type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

type Field = 'email' | 'password';
const FIELDS: readonly Field[] = ['email', 'password'];

interface AccountsLoginFormProps {
  onSignedIn: (viewer: Viewer) => void;
  /** Shown above the form, e.g. after a session expired. */
  notice?: string | null;
}

export function AccountsLoginForm({ onSignedIn, notice }: AccountsLoginFormProps) {
  const runLogin = useMutation(LoginDocument).run;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [waitSeconds, startWait] = useRetryCountdown();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    const fields: FormErrors<Field>['fields'] = {};
    if (!looksLikeEmail(email)) fields.email = email.trim() ? t('errors.invalidEmail') : t('errors.required');
    if (!password) fields.password = t('errors.required');
    if (fields.email || fields.password) {
      setErrors({ ...noFormErrors<Field>(), fields });
      (fields.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    setBusy(true);
    setErrors(noFormErrors());
    try {
      const { login } = await runLogin({ input: { email: email.trim(), password } });
      if (login.__typename === 'AuthSuccess') {
        onSignedIn(login.viewer);
        return;
      }
      const next = formErrorsFrom(login, FIELDS);
      setErrors(next);
      startWait(next.retryAfterSeconds);
      if (login.__typename === 'InvalidCredentialsError') setPassword('');
    } catch (error) {
      const offline = isOffline(error);
      setErrors({ ...noFormErrors<Field>(), form: t(offline ? 'errors.network' : 'errors.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  const submitLabel = busy
    ? t('login.submitting')
    : waitSeconds > 0
      ? t('auth.retryIn', { wait: formatWaitDuration(waitSeconds, language) })
      : t('login.submit');

  return (
    <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p class="auth-intro">{t('login.intro')}</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <AccountsField
        name="email"
        type="email"
        inputMode="email"
        label={t('login.email')}
        value={email}
        onInput={setEmail}
        autoComplete="username"
        error={errors.fields.email}
        inputRef={emailRef}
      />
      <AccountsField
        name="password"
        type="password"
        label={t('login.password')}
        value={password}
        onInput={setPassword}
        autoComplete="current-password"
        error={errors.fields.password}
        inputRef={passwordRef}
      />
      <button type="submit" class="button button-primary button-block" disabled={busy || waitSeconds > 0}>
        {submitLabel}
      </button>
      <p class="auth-switch">
        <a href="/signup" onClick={linkClick}>
          {t('login.toSignup')}
        </a>
      </p>
    </form>
  );
}
