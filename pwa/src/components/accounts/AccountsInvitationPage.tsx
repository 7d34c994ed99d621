/**
 * The page of an invitation link: who invites the person where, then their name and a password;
 * the account is created in the invite's unit and role, and this device signs in.
 */
import { useState } from 'preact/hooks';
import { type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { AcceptInviteDocument, InvitationDocument, type InvitationQuery } from '../../graphql/accountRecovery.generated';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../lib/formErrors';
import { isOffline } from '../../lib/requestErrors';
import { AccountsField } from './AccountsField';
import { useLinkToken } from './useLinkToken';

type Field = 'displayName' | 'password';
const FIELDS: readonly Field[] = ['displayName', 'password'];

export function AccountsInvitationPage({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const token = useLinkToken();
  const { state } = useQuery(InvitationDocument, { token: token ?? '' }, { skip: !token });
  if (token && state.status === 'loading') {
    return (
      <p class="auth-intro" role="status">
        {t('invitation.loading')}
      </p>
    );
  }
  if (token && state.status === 'error') {
    return (
      <p class="form-error" role="alert">
        {state.message}
      </p>
    );
  }
  const invitation = token && state.status === 'ready' ? state.data.invitation : null;
  if (!token || !invitation) {
    return (
      <div class="auth-form">
        <p class="form-error" role="alert">
          {t('invitation.invalid')}
        </p>
      </div>
    );
  }
  return <InvitationForm token={token} invitation={invitation} onSignedIn={onSignedIn} />;
}

interface InvitationFormProps {
  token: string;
  invitation: NonNullable<InvitationQuery['invitation']>;
  onSignedIn: (viewer: Viewer) => void;
}

function InvitationForm({ token, invitation, onSignedIn }: InvitationFormProps) {
  const runAccept = useMutation(AcceptInviteDocument).run;
  const [displayName, setDisplayName] = useState(invitation.displayName);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const role = t(`role.inSentence.${invitation.role}`);
  const where = { organization: invitation.organizationName, unit: invitation.unitName, role };

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const fields: FormErrors<Field>['fields'] = {};
    if (!displayName.trim()) fields.displayName = t('errors.required');
    if (!password) fields.password = t('errors.required');
    if (fields.displayName || fields.password) return setErrors({ ...noFormErrors<Field>(), fields });
    setBusy(true);
    setErrors(noFormErrors());
    try {
      const { acceptInvite: reply } = await runAccept({ input: { token, displayName: displayName.trim(), password } });
      if (reply.__typename === 'AuthSuccess') return onSignedIn(reply.viewer);
      setErrors(formErrorsFrom(reply, FIELDS));
    } catch (error) {
      setErrors({ ...noFormErrors<Field>(), form: t(isOffline(error) ? 'errors.network' : 'errors.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title', { organization: invitation.organizationName })}</h1>
      <p class="auth-intro">
        {invitation.invitedBy
          ? t('invitation.intro', { ...where, inviter: invitation.invitedBy })
          : t('invitation.introNoInviter', where)}
      </p>
      <p>{t('invitation.email', { email: invitation.email })}</p>
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <AccountsField
        name="displayName"
        label={t('invitation.displayName')}
        hint={t('invitation.displayNameHint')}
        value={displayName}
        onInput={setDisplayName}
        autoComplete="name"
        autoCapitalize="words"
        error={errors.fields.displayName}
      />
      <AccountsField
        name="password"
        type="password"
        label={t('invitation.password')}
        hint={t('reset.passwordHint')}
        value={password}
        onInput={setPassword}
        autoComplete="new-password"
        error={errors.fields.password}
      />
      <button type="submit" class="button button-primary button-block" disabled={busy}>
        {busy ? t('invitation.submitting') : t('invitation.submit')}
      </button>
    </form>
  );
}
