/**
 * /setup#<token>: the first run of a deployment without the demo. With the one-time token the
 * server printed on its console, head office names its organisation and creates its own admin
 * account, then is signed in and builds the network from « Réseau ». Once an organisation
 * exists the page only says so.
 */
import { useState } from 'preact/hooks';
import { type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { useMutation, useQuery } from '../../graphql/hooks';
import { SetupNeededDocument, SetupOrganizationDocument } from '../../graphql/setup.generated';
import { t } from '../../i18n';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../lib/formErrors';
import { isOffline } from '../../lib/requestErrors';
import { linkClick } from '../../router';
import { AccountsField } from '../accounts/AccountsField';
import { useLinkToken } from '../accounts/useLinkToken';

const FIELDS = ['token', 'organizationName', 'displayName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function NetworkSetupPage({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const linked = useLinkToken();
  const needed = useQuery(SetupNeededDocument, {});
  const run = useMutation(SetupOrganizationDocument).run;
  const [token, setToken] = useState(linked ?? '');
  const [organizationName, setOrganizationName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors());
  const [busy, setBusy] = useState(false);

  if (needed.state.status === 'ready' && !needed.state.data.setupNeeded) {
    return (
      <section class="auth-form" aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p class="auth-intro">{t('setup.done')}</p>
        <p class="auth-switch">
          <a href="/login" onClick={linkClick}>
            {t('setup.toLogin')}
          </a>
        </p>
      </section>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const missing: Partial<Record<Field, string>> = {};
    for (const [field, value] of [['token', token], ['organizationName', organizationName], ['displayName', displayName], ['email', email], ['password', password]] as const) {
      if (!value.trim()) missing[field] = t('errors.required');
    }
    if (Object.keys(missing).length > 0) return setErrors({ ...noFormErrors<Field>(), fields: missing });
    setBusy(true);
    setErrors(noFormErrors());
    try {
      const { setupOrganization: reply } = await run({ input: { token: token.trim(), organizationName, displayName, email: email.trim(), password } });
      if (reply.__typename === 'AuthSuccess') return onSignedIn(reply.viewer);
      setErrors(formErrorsFrom(reply, FIELDS));
    } catch (error) {
      setErrors({ ...noFormErrors<Field>(), form: t(isOffline(error) ? 'errors.network' : 'errors.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="auth-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p class="auth-intro">{t('setup.intro')}</p>
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      {!linked && (
        <AccountsField name="token" autoComplete="off" label={t('setup.token')} hint={t('setup.tokenHint')} value={token} onInput={setToken} error={errors.fields.token} />
      )}
      <AccountsField
        name="organizationName"
        autoComplete="organization"
        label={t('setup.organization')}
        value={organizationName}
        onInput={setOrganizationName}
        autoCapitalize="words"
        error={errors.fields.organizationName}
      />
      <AccountsField name="displayName" label={t('setup.name')} value={displayName} onInput={setDisplayName} autoComplete="name" autoCapitalize="words" error={errors.fields.displayName} />
      <AccountsField name="email" type="email" inputMode="email" label={t('setup.email')} value={email} onInput={setEmail} autoComplete="username" error={errors.fields.email} />
      <AccountsField
        name="password"
        type="password"
        label={t('setup.password')}
        hint={t('setup.passwordHint')}
        value={password}
        onInput={setPassword}
        autoComplete="new-password"
        error={errors.fields.password}
      />
      <button type="submit" class="button button-primary button-block" disabled={busy}>
        {busy ? t('setup.submitting') : t('setup.submit')}
      </button>
    </form>
  );
}
