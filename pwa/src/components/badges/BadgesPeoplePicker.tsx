import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../../graphql/hooks';
import { useDebounced } from '../shell/useDebounced';
import { t, language } from '../../i18n';
import { Avatar } from '../ui/Avatar';
import { AwardablePeopleDocument } from '../../graphql/badges.generated';
import type { PostFieldsFragment } from '../../graphql/feed.generated';
import { byName } from '../../lib/collation';

type Author = PostFieldsFragment['author'];

interface BadgesPeoplePickerProps {
  selected: string[];
  onToggle: (person: Author) => void;
  known: Map<string, Author>;
}

/** People of the manager's scope, searched by name; each one a checkbox. */
export function BadgesPeoplePicker({ selected, onToggle, known }: BadgesPeoplePickerProps) {
  const [search, setSearch] = useState('');
  const { state } = useQuery(AwardablePeopleDocument, { search: useDebounced(search.trim() || null, 200) }, {
    keepPrevious: true,
  });
  const people: Author[] | null = state.status === 'ready' ? state.data.awardablePeople : state.status === 'error' ? [] : null;
  useEffect(() => {
    for (const person of people ?? []) known.set(person.id, person);
  }, [people, known]);

  // the people already chosen stay on top, even when the search hides them
  const chosen = selected.map((id) => known.get(id)).filter((p): p is Author => p !== undefined);
  const others = byName((people ?? []).filter((p) => !selected.includes(p.id)), (p) => p.displayName, language);
  return (
    <div class="people-picker">
      <div class="field">
        <label for="award-search">{t('award.search')}</label>
        <input id="award-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} autocomplete="off" />
      </div>
      <p class="field-hint" aria-live="polite">
        {t('award.selected', { count: selected.length })}
      </p>
      <ul class="people-list">
        {[...chosen, ...others].map((person) => (
          <li key={person.id}>
            <label class="person-option">
              <input type="checkbox" checked={selected.includes(person.id)} onChange={() => onToggle(person)} />
              <Avatar name={person.displayName} initials={person.initials} photoUrl={person.photoUrl} size="s" />
              <span class="person-option-text">
                <span class="person-name">{person.displayName}</span>
                {person.unit && <span class="person-unit">{person.unit.name}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {people !== null && people.length === 0 && chosen.length === 0 && <p class="field-hint">{t('award.noPeople')}</p>}
    </div>
  );
}
