import { t } from '../../i18n';
import { Avatar } from '../ui';
import type { Suggestion } from './useComposerSuggestions';

/** The people or tags matching what is being typed; a tap completes it. */
export function FeedComposerSuggestions({ suggestions, onPick }: { suggestions: Suggestion[]; onPick: (suggestion: Suggestion) => void }) {
  if (suggestions.length === 0) return null;
  return (
    <ul class="suggestions" aria-label={t(suggestions[0]?.sign === '@' ? 'composer.mentionSuggestions' : 'composer.tagSuggestions')}>
      {suggestions.map((suggestion) => (
        <li key={suggestion.value}>
          <button type="button" class="suggestion" onClick={() => onPick(suggestion)}>
            {suggestion.face && <Avatar name={suggestion.value} initials={suggestion.face.initials} photoUrl={suggestion.face.photoUrl} size="xs" />}
            <span>
              {suggestion.sign}
              {suggestion.value}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
