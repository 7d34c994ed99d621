/**
 * What an avatar shows when there is no photo: one or two initials on a colour derived from the
 * name, so the same person always gets the same colour on every screen and every device.
 */

/** « Élodie Martin-Dupuis » → « ÉM »; one word → its first letter; nothing → « ? ». */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[-_.]/g, ' ')
    .split(/\s+/)
    .filter((word) => /\p{L}|\p{N}/u.test(word));
  const letters = words
    .slice(0, 2)
    .map((word) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '')
    .join('');
  return letters ? letters.toLocaleUpperCase() : '?';
}

/**
 * A hue (0–359) from the name (FNV-1a over its code points, case and accents kept apart from
 * spacing); the CSS puts it at a lightness where white initials keep 4.5:1 contrast.
 */
export function avatarHue(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}
