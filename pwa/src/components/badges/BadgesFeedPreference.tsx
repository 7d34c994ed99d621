import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { useQuery, useMutation } from '../../graphql/hooks';
import { FeedPreferenceDocument, SetHiddenFromFeedDocument } from '../../graphql/badges.generated';

/** On my own profile: whether the badges I receive are announced in the feed. */
export function BadgesFeedPreference({ onNotice }: { onNotice: (message: string) => void }) {
  const runSetHiddenFromFeed = useMutation(SetHiddenFromFeedDocument).run;
  const { state } = useQuery(FeedPreferenceDocument, {});
  const [hidden, setHidden] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);
  if (state.status !== 'ready' || !state.data.me) return null;
  const value = hidden ?? state.data.me.hiddenFromFeed;

  async function change(next: boolean) {
    setSaving(true);
    try {
      const { setHiddenFromFeed } = await runSetHiddenFromFeed({ hidden: next });
      setHidden(setHiddenFromFeed.hiddenFromFeed);
      onNotice(t('profile.preferenceSaved'));
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <label class="person-option preference">
      <input type="checkbox" checked={value} disabled={saving} onChange={(e) => change(e.currentTarget.checked)} />
      <span>{t('profile.hideFromFeed')}</span>
    </label>
  );
}
