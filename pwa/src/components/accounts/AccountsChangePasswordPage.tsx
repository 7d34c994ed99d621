/** « Changer mon mot de passe » (profile menu): the current one, then the new one twice. */
import { useState } from 'preact/hooks';
import { ChangePasswordDocument } from '../../graphql/accountRecovery.generated';
import { useMutation } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../lib/formErrors';
import { formatWaitDuration } from '../../lib/relativeTime';
import { isOffline } from '../../lib/requestErrors';
import { AccountsField } from './AccountsField';
import { AccountsNewPasswordFields, newPasswordProblems } from './AccountsNewPasswordFields';
import { useRetryCountdown } from './useRetryCountdown';

type Field = 'currentPassword' | 'newPassword' | 'confirm';
const FIELDS: readonly Field[] = ['currentPassword', 'newPassword'];

export function AccountsChangePasswordPage({ onNotice }: { onNotice: (message: string) => void }) {
  const runChange = useMutation(ChangePasswordDocument).run;
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [waitSeconds, startWait] = useRetryCountdown();

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    const problems = newPasswordProblems(password, confirm);
    const fields: FormErrors<Field>['fields'] = { newPassword: problems.password, confirm: problems.confirm };
    if (!current) fields.currentPassword = t('errors.required');
    if (fields.currentPassword || fields.newPassword || fields.confirm) return setErrors({ ...noFormErrors<Field>(), fields });
    setBusy(true);
    setErrors(noFormErrors());
    try {
      const { changePassword: reply } = await runChange({ input: { currentPassword: current, newPassword: password } });
      if (reply.__typename === 'ChangePasswordSuccess') {
        setCurrent('');
        setPassword('');
        setConfirm('');
        onNotice(reply.sessionsEnded > 0 ? t('password.doneOthers', { count: reply.sessionsEnded }) : t('password.done'));
        return;
      }
      const next = formErrorsFrom(reply, FIELDS);
      // the wrong current password is said under its field
      if (reply.__typename === 'InvalidCredentialsError') next.fields = { currentPassword: reply.message };
      if (next.fields.currentPassword || next.fields.newPassword) next.form = null;
      setErrors(next);
      startWait(next.retryAfterSeconds);
    } catch (error) {
      setErrors({ ...noFormErrors<Field>(), form: t(isOffline(error) ? 'errors.network' : 'errors.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="page-narrow">
      <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="password-title">
        <h1 id="password-title">{t('password.title')}</h1>
        <p class="auth-intro">{t('password.intro')}</p>
        {errors.form && (
          <p class="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <AccountsField
          name="currentPassword"
          type="password"
          label={t('password.current')}
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          error={errors.fields.currentPassword}
        />
        <AccountsNewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          label={t('password.new')}
          confirmLabel={t('password.confirm')}
          error={errors.fields.newPassword}
          confirmError={errors.fields.confirm}
        />
        <button type="submit" class="button button-primary button-block" disabled={busy || waitSeconds > 0}>
          {busy
            ? t('password.submitting')
            : waitSeconds > 0
              ? t('auth.retryIn', { wait: formatWaitDuration(waitSeconds, language) })
              : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
