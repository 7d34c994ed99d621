/**
 * One person, edited: unit and role (never above the viewer's own), and deactivation or
 * reactivation, each asked for confirmation first; head office may erase someone who left.
 */
import { useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import {
  DeactivatePersonDocument,
  type ManageableUnitsQuery,
  type PersonFieldsFragment,
  ReactivatePersonDocument,
  UpdatePersonDocument,
} from '../../graphql/peopleAdmin.generated';
import { t } from '../../i18n';
import { grantableRoles, type Role } from '../../lib/peopleAdmin';
import { PeopleEraseConfirm } from './PeopleEraseConfirm';

type Unit = ManageableUnitsQuery['manageableUnits'][number];

interface PeopleEditSheetProps {
  person: PersonFieldsFragment;
  units: Unit[];
  viewerRole: Role;
  onClose: () => void;
  onChanged: (message: string) => void;
}

export function PeopleEditSheet({ person, units, viewerRole, onClose, onChanged }: PeopleEditSheetProps) {
  const runUpdate = useMutation(UpdatePersonDocument).run;
  const runDeactivate = useMutation(DeactivatePersonDocument).run;
  const runReactivate = useMutation(ReactivatePersonDocument).run;
  const [unitId, setUnitId] = useState(person.unit.id);
  const [role, setRole] = useState<Role>(person.role as Role);
  const [confirming, setConfirming] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const gone = person.deactivatedAt !== null;
  const name = person.displayName;
  // the person's unit stays offered even when it is not one the viewer could move people into
  const choices = units.some((u) => u.id === person.unit.id) ? units : [person.unit, ...units];

  async function act(work: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    try {
      const refused = await work();
      if (refused) setError(refused);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  const save = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const { updatePerson: reply } = await runUpdate({
        input: { personId: person.id, unitId: unitId === person.unit.id ? null : unitId, role: role === person.role ? null : role },
      });
      if (reply.__typename !== 'UpdatePersonSuccess') return reply.message;
      onChanged(t(reply.sessionsEnded > 0 ? 'people.savedSignedOut' : 'people.saved', { name }));
      return null;
    });
  };

  const toggle = () =>
    act(async () => {
      if (gone) {
        const { reactivatePerson: reply } = await runReactivate({ personId: person.id });
        if (reply.__typename !== 'ReactivatePersonSuccess') return reply.message;
        onChanged(t('people.reactivated', { name }));
      } else {
        const { deactivatePerson: reply } = await runDeactivate({ personId: person.id });
        if (reply.__typename !== 'DeactivatePersonSuccess') return reply.message;
        onChanged(t('people.deactivated.done', { name }));
      }
      return null;
    });

  return (
    <div class="admin-sheet" role="dialog" aria-modal="true" aria-labelledby="person-edit-title">
      <form class="admin-sheet-body" onSubmit={save}>
        <h2 id="person-edit-title">{t('people.editTitle', { name })}</h2>
        <p class="lever-muted">{person.email}</p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <label class="field">
          <span>{t('people.unit')}</span>
          <select value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)} disabled={gone}>
            {choices.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('people.role')}</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} disabled={gone}>
            {[...new Set<Role>([...grantableRoles(viewerRole), person.role as Role])].map((choice) => (
              <option key={choice} value={choice}>
                {t(`role.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        {!gone && (
          <button type="submit" class="button button-primary button-block" disabled={busy}>
            {busy && !confirming ? t('people.saving') : t('people.save')}
          </button>
        )}
        {confirming ? (
          <div class="profile-confirm" role="alertdialog" aria-labelledby="person-confirm-title">
            <p id="person-confirm-title" class="profile-name">
              {t(gone ? 'people.reactivateTitle' : 'people.deactivateTitle', { name })}
            </p>
            <p>{t(gone ? 'people.reactivateText' : 'people.deactivateText', { name })}</p>
            <button type="button" class={gone ? 'button button-primary button-block' : 'button button-danger button-block'} onClick={() => void toggle()} disabled={busy}>
              {t(gone ? 'people.reactivateConfirm' : 'people.deactivateConfirm')}
            </button>
            <button type="button" class="button button-block" onClick={() => setConfirming(false)} disabled={busy}>
              {t('people.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" class={gone ? 'button button-block' : 'button button-danger button-block'} onClick={() => setConfirming(true)} disabled={busy}>
            {t(gone ? 'people.reactivate' : 'people.deactivate')}
          </button>
        )}
        {gone && viewerRole === 'ADMIN' && !confirming &&
          (erasing ? (
            <PeopleEraseConfirm personId={person.id} name={name} onCancel={() => setErasing(false)} onErased={onChanged} />
          ) : (
            <button type="button" class="button button-danger button-block" onClick={() => setErasing(true)} disabled={busy}>
              {t('people.erase.open')}
            </button>
          ))}
        <button type="button" class="button button-block" onClick={onClose} disabled={busy}>
          {t('people.close')}
        </button>
      </form>
    </div>
  );
}
