/** A person on a board: their photo, or initials on a colour of their own (until the shared Avatar lands). */
interface Props {
  name: string;
  photoUrl?: string | null;
  size?: 's' | 'm' | 'l' | 'xl';
}

function initials(name: string): string {
  const words = name.split(/[\s\-_.]+/).filter((word) => /\p{L}|\p{N}/u.test(word));
  return words.slice(0, 2).map((word) => Array.from(word)[0] ?? '').join('').toLocaleUpperCase() || '?';
}

function hue(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}

export function ChallengesFace({ name, photoUrl, size = 'm' }: Props) {
  if (photoUrl) {
    return (
      <span class={`board-face board-face-${size}`} aria-hidden="true">
        <img src={photoUrl} alt="" loading="lazy" decoding="async" />
      </span>
    );
  }
  return (
    <span class={`board-face board-face-${size}`} style={{ '--face-hue': hue(name) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
