import { t } from '../../i18n';
import type { ComposerKind } from '../../lib/composer';
import type { PostAudience } from '../../graphql/types.generated';

const AUDIENCES: readonly PostAudience[] = ['NETWORK', 'REGION', 'UNIT'];

interface FeedComposerChoicesProps {
  kinds: readonly ComposerKind[];
  kind: ComposerKind;
  onKind: (kind: ComposerKind) => void;
  audience: PostAudience;
  onAudience: (audience: PostAudience) => void;
}

/** What the post is (win, best practice, announcement) and who reads it. */
export function FeedComposerChoices({ kinds, kind, onKind, audience, onAudience }: FeedComposerChoicesProps) {
  return (
    <>
      <fieldset class="kind-picker">
        <legend>{t('composer.kindLegend')}</legend>
        {kinds.map((value) => (
          <label key={value} class={`kind-option${kind === value ? ' is-selected' : ''}`}>
            <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => onKind(value)} />
            <span>{t(`post.kind.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="kind-picker audience-picker">
        <legend>{t('composer.audienceLegend')}</legend>
        {AUDIENCES.map((value) => (
          <label key={value} class={`kind-option${audience === value ? ' is-selected' : ''}`}>
            <input type="radio" name="audience" value={value} checked={audience === value} onChange={() => onAudience(value)} />
            <span>{t(`post.audience.${value}`)}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
