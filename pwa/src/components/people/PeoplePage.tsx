/**
 * /admin/people (admins and managers, from the profile menu): the people of the viewer's scope,
 * searched and filtered, each one editable (unit, role, deactivation); invitations by e-mail and
 * those still pending.
 */
import { useState } from 'preact/hooks';
import { type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { useQuery } from '../../graphql/hooks';
import { ManageableUnitsDocument, type PersonFieldsFragment } from '../../graphql/peopleAdmin.generated';
import { t } from '../../i18n';
import { type Role } from '../../lib/peopleAdmin';
import { PeopleEditSheet } from './PeopleEditSheet';
import { PeopleInviteForm } from './PeopleInviteForm';
import { PeopleList, type PeopleFilterValue } from './PeopleList';
import { PeoplePendingInvites } from './PeoplePendingInvites';

interface PeoplePageProps {
  viewer: Viewer;
  onNotice: (message: string) => void;
}

export function PeoplePage({ viewer, onNotice }: PeoplePageProps) {
  if (viewer.role === 'MEMBER') {
    return (
      <section class="lever-page">
        <p class="lever-state">{t('people.managersOnly')}</p>
      </section>
    );
  }
  return <PeopleScreen viewer={viewer} onNotice={onNotice} />;
}

function PeopleScreen({ viewer, onNotice }: PeoplePageProps) {
  const units = useQuery(ManageableUnitsDocument, {});
  const [filter, setFilter] = useState<PeopleFilterValue>({ search: '', unitId: '', role: '', active: '' });
  const [editing, setEditing] = useState<PersonFieldsFragment | null>(null);
  const [inviting, setInviting] = useState(false);
  // each change done here reads the lists again
  const [round, setRound] = useState(0);
  const changed = () => setRound((n) => n + 1);
  const unitList = units.state.status === 'ready' ? units.state.data.manageableUnits : [];
  const role = viewer.role as Role;

  return (
    <section class="lever-page admin-page" aria-labelledby="people-title">
      <h1 id="people-title" class="lever-title">
        {t('people.title')}
      </h1>
      <p class="lever-muted">{t('people.intro')}</p>
      {inviting ? (
        <PeopleInviteForm
          units={unitList}
          viewerRole={role}
          onDone={(message) => {
            setInviting(false);
            onNotice(message);
            changed();
          }}
          onCancel={() => setInviting(false)}
        />
      ) : (
        <button type="button" class="button button-primary button-block" onClick={() => setInviting(true)}>
          {t('people.invite')}
        </button>
      )}
      <PeopleList key={`people-${round}`} filter={filter} onFilter={setFilter} units={unitList} onEdit={setEditing} />
      <PeoplePendingInvites key={`invites-${round}`} onNotice={onNotice} />
      {editing && (
        <PeopleEditSheet
          person={editing}
          units={unitList}
          viewerRole={role}
          onClose={() => setEditing(null)}
          onChanged={(message) => {
            setEditing(null);
            onNotice(message);
            changed();
          }}
        />
      )}
    </section>
  );
}
