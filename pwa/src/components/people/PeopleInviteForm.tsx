/** Inviting by e-mail: addresses pasted (one per line or separated by commas), a unit, a role, the mail's language. */
import { useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import { InvitePeopleDocument, type ManageableUnitsQuery } from '../../graphql/peopleAdmin.generated';
import { language, t } from '../../i18n';
import { grantableRoles, pastedAddresses, type Role } from '../../lib/peopleAdmin';

type Unit = ManageableUnitsQuery['manageableUnits'][number];

interface PeopleInviteFormProps {
  units: Unit[];
  viewerRole: Role;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function PeopleInviteForm({ units, viewerRole, onDone, onCancel }: PeopleInviteFormProps) {
  const runInvite = useMutation(InvitePeopleDocument).run;
  const [text, setText] = useState('');
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [mailLanguage, setMailLanguage] = useState(language === 'en' ? 'en' : 'fr');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenUnit = unitId || units[0]?.id || '';

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const { emails, invalid } = pastedAddresses(text);
    if (invalid.length > 0) return setError(t('people.badEmail', { email: invalid[0] ?? '' }));
    if (emails.length === 0) return setError(t('people.noEmails'));
    setBusy(true);
    setError(null);
    try {
      const { invitePeople: reply } = await runInvite({
        input: { people: emails.map((email) => ({ email })), unitId: chosenUnit, role, language: mailLanguage },
      });
      if (reply.__typename !== 'InvitePeopleSuccess') return setError(reply.message);
      const sent = t('people.invited', { count: reply.invites.length });
      const already = reply.alreadyMembers.length ? ` ${t('people.alreadyMembers', { emails: reply.alreadyMembers.join(', ') })}` : '';
      onDone(sent + already);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="lever-card admin-invite" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title" class="lever-card-title">
        {t('people.inviteTitle')}
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="field">
        <label for="invite-emails">{t('people.inviteEmails')}</label>
        <textarea id="invite-emails" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby="invite-help" />
        <span id="invite-help" class="field-hint">
          {t('people.inviteHelp')}
        </span>
      </div>
      <label class="field">
        <span>{t('people.unit')}</span>
        <select value={chosenUnit} onChange={(e) => setUnitId(e.currentTarget.value)}>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('people.role')}</span>
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {grantableRoles(viewerRole).map((choice) => (
            <option key={choice} value={choice}>
              {t(`role.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('people.inviteLanguage')}</span>
        <select value={mailLanguage} onChange={(e) => setMailLanguage(e.currentTarget.value === 'en' ? 'en' : 'fr')}>
          <option value="fr">{t('people.languageFr')}</option>
          <option value="en">{t('people.languageEn')}</option>
        </select>
      </label>
      <button type="submit" class="button button-primary button-block" disabled={busy || !chosenUnit}>
        {busy ? t('people.inviteSending') : t('people.inviteSubmit')}
      </button>
      <button type="button" class="button button-block" onClick={onCancel} disabled={busy}>
        {t('people.cancel')}
      </button>
    </form>
  );
}
