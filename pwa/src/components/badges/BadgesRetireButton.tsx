import { useMutation } from '../../graphql/hooks';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { RetireBadgeDocument } from '../../graphql/badges.generated';
import type { BadgeFieldsFragment as Badge } from '../../graphql/people.generated';

interface BadgesRetireButtonProps {
  badge: Badge;
  onRetired: () => void;
  onError: (message: string) => void;
}

/** Head office retires a badge in two taps: no new awards, those given stay visible. */
export function BadgesRetireButton({ badge, onRetired, onError }: BadgesRetireButtonProps) {
  const runRetireBadge = useMutation(RetireBadgeDocument).run;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  async function retire() {
    setBusy(true);
    try {
      const { retireBadge } = await runRetireBadge({ badgeId: badge.id });
      if (retireBadge.__typename === 'RetireBadgeSuccess') onRetired();
      else onError(retireBadge.message);
    } catch {
      onError(t('errors.network'));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  if (!asking) {
    return (
      <p class="award-actions">
        <button type="button" class="button" onClick={() => setAsking(true)}>
          {t('retire.open')}
        </button>
      </p>
    );
  }
  return (
    <div class="retire-confirm" role="group" aria-label={t('retire.question', { name: badge.name })}>
      <p>{t('retire.question', { name: badge.name })}</p>
      <p class="award-actions">
        <button type="button" class="button" onClick={() => setAsking(false)} disabled={busy}>
          {t('award.back')}
        </button>
        <button type="button" class="button button-danger" onClick={retire} disabled={busy}>
          {t('retire.confirm')}
        </button>
      </p>
    </div>
  );
}
