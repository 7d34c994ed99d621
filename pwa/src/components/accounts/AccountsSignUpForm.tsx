import { useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { isOffline } from '../../lib/requestErrors';
import { formatWaitDuration } from '../../lib/relativeTime';
import { formErrorsFrom, looksLikeEmail, noFormErrors, type FormErrors } from '../../lib/formErrors';
import { linkClick } from '../../router';
import { AccountsField } from './AccountsField';
import { useRetryCountdown } from './useRetryCountdown';
import { SignUpDocument, type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

type Field = 'inviteCode' | 'email' | 'displayName' | 'password';
const FIELDS: readonly Field[] = ['inviteCode', 'email', 'displayName', 'password'];

interface AccountsSignUpFormProps {
  /** From the invitation link (`/signup?code=…`). */
  initialCode: string;
  onSignedIn: (viewer: Viewer) => void;
}

export function AccountsSignUpForm({ initialCode, onSignedIn }: AccountsSignUpFormProps) {
  const runSignUp = useMutation(SignUpDocument).run;
  const [values, setValues] = useState<Record<Field, string>>({
    inviteCode: initialCode,
    email: '',
    displayName: '',
    password: '',
  });
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [waitSeconds, startWait] = useRetryCountdown();

  const set = (field: Field) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));

  function validate(): FormErrors<Field>['fields'] {
    const fields: FormErrors<Field>['fields'] = {};
    for (const field of FIELDS) {
      if (!values[field].trim()) fields[field] = t('errors.required');
    }
    if (!fields.email && !looksLikeEmail(values.email)) fields.email = t('errors.invalidEmail');
    return fields;
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    const fields = validate();
    const firstInvalid = FIELDS.find((field) => fields[field]);
    if (firstInvalid) {
      setErrors({ ...noFormErrors<Field>(), fields });
      document.getElementById(`field-${firstInvalid}`)?.focus();
      return;
    }

    setBusy(true);
    setErrors(noFormErrors());
    try {
      const { signUp } = await runSignUp({
        input: {
          inviteCode: values.inviteCode.trim(),
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
        },
      });
      if (signUp.__typename === 'AuthSuccess') {
        onSignedIn(signUp.viewer);
        return;
      }
      const next = formErrorsFrom(signUp, FIELDS);
      setErrors(next);
      startWait(next.retryAfterSeconds);
    } catch (error) {
      const offline = isOffline(error);
      setErrors({ ...noFormErrors<Field>(), form: t(offline ? 'errors.network' : 'errors.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  const submitLabel = busy
    ? t('signup.submitting')
    : waitSeconds > 0
      ? t('auth.retryIn', { wait: formatWaitDuration(waitSeconds, language) })
      : t('signup.submit');

  return (
    <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="signup-title">
      <h1 id="signup-title">{t('signup.title')}</h1>
      <p class="auth-intro">{t('signup.intro')}</p>
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <AccountsField
        name="inviteCode"
        label={t('signup.inviteCode')}
        value={values.inviteCode}
        onInput={set('inviteCode')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        error={errors.fields.inviteCode}
      />
      <AccountsField
        name="email"
        type="email"
        inputMode="email"
        label={t('signup.email')}
        value={values.email}
        onInput={set('email')}
        autoComplete="email"
        error={errors.fields.email}
      />
      <AccountsField
        name="displayName"
        label={t('signup.displayName')}
        hint={t('signup.displayNameHint')}
        value={values.displayName}
        onInput={set('displayName')}
        autoComplete="name"
        autoCapitalize="words"
        error={errors.fields.displayName}
      />
      <AccountsField
        name="password"
        type="password"
        label={t('signup.password')}
        value={values.password}
        onInput={set('password')}
        autoComplete="new-password"
        error={errors.fields.password}
      />
      <button type="submit" class="button button-primary button-block" disabled={busy || waitSeconds > 0}>
        {submitLabel}
      </button>
      <p class="auth-switch">
        <a href="/login" onClick={linkClick}>
          {t('signup.toLogin')}
        </a>
      </p>
    </form>
  );
}
