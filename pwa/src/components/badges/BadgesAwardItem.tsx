import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { credentialFileName, expiresSoon } from '../../lib/awardFlow';
import { BadgesIcon } from './BadgesIcon';
import { BadgesRevokeForm } from './BadgesRevokeForm';
import type { AwardFieldsFragment as Award } from '../../graphql/people.generated';

interface BadgesAwardItemProps {
  award: Award;
  mine: boolean;
  canRevoke: boolean;
  onNotice: (message: string) => void;
  onRevoked: () => void;
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString(language, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** One badge or label on a profile; its holder may download the credential or share its link. */
export function BadgesAwardItem({ award, mine, canRevoke, onNotice, onRevoked }: BadgesAwardItemProps) {
  const [revoking, setRevoking] = useState(false);
  const verifyUrl = new URL(award.verifyUrl, location.origin).toString();

  async function share() {
    const text = t('profile.shareText', { badge: award.badge.name });
    try {
      if (navigator.share) {
        await navigator.share({ title: award.badge.name, text, url: verifyUrl });
        return;
      }
      await navigator.clipboard.writeText(verifyUrl);
      onNotice(t('profile.linkCopied'));
    } catch {
      // the person closed the share sheet: nothing to say
    }
  }

  return (
    <li class={`award-item status-${award.status.toLowerCase()}`} data-award-id={award.id}>
      <BadgesIcon badge={award.badge} size="large" />
      <div class="award-text">
        <h3 class="badge-name">{award.badge.name}</h3>
        {award.level && <p class="award-level">{t('profile.level', { level: award.level })}</p>}
        <p class="award-reason">{award.reason}</p>
        <p class="badge-meta">
          {award.awardedBy
            ? t('profile.awardedBy', { name: award.awardedBy.displayName, date: day(award.awardedAt) })
            : t('profile.awardedAuto', { date: day(award.awardedAt) })}
        </p>
        {award.expiresAt && (
          <p class="badge-meta">
            {t('profile.validUntil', { date: day(award.expiresAt) })}
            {' · '}
            <span class="award-status">{t(`profile.status.${award.status}` as 'profile.status.VALID')}</span>
          </p>
        )}
        {expiresSoon(award, new Date()) && <p class="expiring-soon">{t('profile.expiresSoon')}</p>}
        {canRevoke && !revoking && (
          <p class="award-actions">
            <button type="button" class="button" onClick={() => setRevoking(true)}>
              {t('revoke.open')}
            </button>
          </p>
        )}
        {revoking && (
          <BadgesRevokeForm
            award={award}
            onCancel={() => setRevoking(false)}
            onRevoked={() => {
              onNotice(t('revoke.done'));
              onRevoked();
            }}
          />
        )}
        {mine && (
          <p class="award-actions">
            <a class="button" href={`${award.credentialUrl}?download=1`} download={credentialFileName(award)} data-testid="download-credential">
              {t('profile.download')}
            </a>
            <button type="button" class="button" onClick={share}>
              {t('profile.share')}
            </button>
          </p>
        )}
      </div>
    </li>
  );
}
