import { useQuery } from '../../graphql/hooks';
import { typedToken } from '../../lib/composer';
import { useDebounced } from '../shell/useDebounced';
import { MentionSuggestionsDocument, TagSuggestionsDocument } from '../../graphql/feed.generated';

export interface Suggestion {
  sign: '@' | '#';
  value: string;
  id?: string;
  /** A person's face: their photo or initials. */
  face?: { initials: string; photoUrl: string | null };
}

/** People for the `@name`, tags for the `#tag` being typed at the end of the text (asked once typing pauses). */
export function useComposerSuggestions(body: string): Suggestion[] {
  const token = typedToken(body);
  const typed = token && token.text.length >= 2 ? token : null;
  const asked = useDebounced(typed, 250);
  const people = useQuery(
    MentionSuggestionsDocument,
    { search: asked?.text ?? '' },
    { skip: asked?.sign !== '@', keepPrevious: true },
  );
  const tags = useQuery(TagSuggestionsDocument, { prefix: asked?.text ?? '' }, { skip: asked?.sign !== '#', keepPrevious: true });
  // nothing once the token is gone (picked, or a space typed); the last answer while typing on
  if (!typed || !asked) return [];
  if (asked.sign === '@') {
    return people.state.status === 'ready'
      ? people.state.data.mentionSuggestions.map((person) => ({ sign: '@', value: person.displayName, id: person.id, face: { initials: person.initials, photoUrl: person.photoUrl ?? null } }))
      : [];
  }
  return tags.state.status === 'ready' ? tags.state.data.tagSuggestions.map((tag) => ({ sign: '#', value: tag })) : [];
}
