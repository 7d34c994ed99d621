import type { BadgeFieldsFragment as Badge } from '../../graphql/people.generated';

interface BadgesIconProps {
  badge: Pick<Badge, 'emoji' | 'imageUrl' | 'kind'>;
  size?: 'small' | 'large';
}

/** A badge's picture: its validated image, else its emoji. Decorative: the name is next to it. */
export function BadgesIcon({ badge, size = 'small' }: BadgesIconProps) {
  return (
    <span class={`badge-icon badge-icon-${size} ${badge.kind === 'LABEL' ? 'badge-icon-label' : ''}`} aria-hidden="true">
      {badge.imageUrl ? <img src={badge.imageUrl} alt="" width={48} height={48} loading="lazy" /> : (badge.emoji ?? '🏅')}
    </span>
  );
}
