import { avatarHue, initialsOf } from '../../lib/avatar';
import './Avatar.css';

export type AvatarSize = 'xs' | 's' | 'm' | 'l' | 'xl';

const PIXELS: Record<AvatarSize, number> = { xs: 24, s: 32, m: 40, l: 64, xl: 96 };

interface AvatarProps {
  name: string;
  photoUrl?: string | null;
  /** xs 24, s 32, m 40 (default), l 64, xl 96 px. */
  size?: AvatarSize;
  /** Given by the server when it has them; otherwise taken from the name. */
  initials?: string;
  /** Read aloud only when the avatar stands alone (no name beside it). */
  label?: string;
  class?: string;
}

/** A person: their photo, or their initials on a colour of their own. */
export function Avatar({ name, photoUrl, size = 'm', initials, label, class: extra }: AvatarProps) {
  const pixels = PIXELS[size];
  const classes = `ui-avatar ui-avatar-${size}${extra ? ` ${extra}` : ''}`;
  const a11y = label ? { role: 'img' as const, 'aria-label': label } : { 'aria-hidden': true as const };
  if (photoUrl) {
    return (
      <span class={classes} {...a11y}>
        <img src={photoUrl} alt="" width={pixels} height={pixels} loading="lazy" decoding="async" />
      </span>
    );
  }
  return (
    <span class={classes} style={{ '--avatar-hue': avatarHue(name) }} {...a11y}>
      {initials || initialsOf(name)}
    </span>
  );
}
