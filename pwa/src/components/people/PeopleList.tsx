/** The people list: search, filters (unit of the viewer's subtree, role, state), pages of 30. */
import { useState } from 'preact/hooks';
import { useQuery } from '../../graphql/hooks';
import { type ManageableUnitsQuery, PeopleDocument, type PeopleQuery, type PersonFieldsFragment } from '../../graphql/peopleAdmin.generated';
import { t } from '../../i18n';
import { Avatar } from '../ui/Avatar';
import { type Role } from '../../lib/peopleAdmin';

export interface PeopleFilterValue {
  search: string;
  unitId: string;
  role: Role | '';
  active: 'true' | 'false' | '';
}

type Unit = ManageableUnitsQuery['manageableUnits'][number];
const PAGE = 30;

interface PeopleListProps {
  filter: PeopleFilterValue;
  onFilter: (filter: PeopleFilterValue) => void;
  units: Unit[];
  onEdit: (person: PersonFieldsFragment) => void;
}

export function PeopleList({ filter, onFilter, units, onEdit }: PeopleListProps) {
  const variables = {
    first: PAGE,
    filter: {
      search: filter.search.trim() || null,
      unitId: filter.unitId || null,
      role: filter.role || null,
      active: filter.active === '' ? null : filter.active === 'true',
    },
  };
  const { state, fetchMore } = useQuery(PeopleDocument, variables, { keepPrevious: true });
  const [loadingMore, setLoadingMore] = useState(false);
  const set = (change: Partial<PeopleFilterValue>) => onFilter({ ...filter, ...change });

  const more = async (after: string) => {
    setLoadingMore(true);
    try {
      await fetchMore({ after }, merge);
    } catch {
      // the button stays: the next tap tries again
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div class="admin-block">
      <div class="field">
        <label for="people-search">{t('people.search')}</label>
        <input id="people-search" type="search" value={filter.search} onInput={(e) => set({ search: e.currentTarget.value })} />
      </div>
      <fieldset class="admin-filters">
        <legend class="visually-hidden">{t('people.filters')}</legend>
        <label class="field">
          <span>{t('people.unit')}</span>
          <select value={filter.unitId} onChange={(e) => set({ unitId: e.currentTarget.value })}>
            <option value="">{t('people.allUnits')}</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('people.role')}</span>
          <select value={filter.role} onChange={(e) => set({ role: e.currentTarget.value as Role | '' })}>
            <option value="">{t('people.allRoles')}</option>
            {(['ADMIN', 'MANAGER', 'MEMBER'] as const).map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('people.state')}</span>
          <select value={filter.active} onChange={(e) => set({ active: e.currentTarget.value as PeopleFilterValue['active'] })}>
            <option value="">{t('people.allStates')}</option>
            <option value="true">{t('people.activeOnly')}</option>
            <option value="false">{t('people.deactivatedOnly')}</option>
          </select>
        </label>
      </fieldset>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <>
          <p class="lever-muted" role="status">
            {t('people.count', { count: state.data.people.totalCount })}
          </p>
          {state.data.people.edges.length === 0 ? (
            <p class="lever-empty">{t('people.none')}</p>
          ) : (
            <ul class="people-list admin-people">
              {state.data.people.edges.map(({ node }) => (
                <PeopleRow key={node.id} person={node} onEdit={onEdit} />
              ))}
            </ul>
          )}
          {state.data.people.pageInfo.hasNextPage && state.data.people.pageInfo.endCursor && (
            <button
              type="button"
              class="button button-block"
              disabled={loadingMore}
              onClick={() => void more(state.data.people.pageInfo.endCursor as string)}
            >
              {loadingMore ? t('people.loadingMore') : t('people.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function merge(shown: PeopleQuery, next: PeopleQuery): PeopleQuery {
  return { people: { ...next.people, edges: [...shown.people.edges, ...next.people.edges] } };
}

function PeopleRow({ person, onEdit }: { person: PersonFieldsFragment; onEdit: (person: PersonFieldsFragment) => void }) {
  const gone = person.deactivatedAt !== null;
  return (
    <li class={gone ? 'admin-person admin-person-gone' : 'admin-person'}>
      <Avatar name={person.displayName} initials={person.initials} photoUrl={person.photoUrl} size="s" />
      <span class="people-name">
        <strong>{person.displayName}</strong>
        <span class="lever-muted">{person.email}</span>
        <span class="lever-muted">
          {t(`role.${person.role}`)} · {person.unit.name}
        </span>
        {gone && <span class="status-chip status-error">{t('people.deactivated')}</span>}
      </span>
      <button type="button" class="button button-small" aria-label={t('people.edit', { name: person.displayName })} onClick={() => onEdit(person)}>
        {t('people.editShort')}
      </button>
    </li>
  );
}
