import { Avatar } from '../ui/Avatar';

/** A person on a board: the design system's avatar (photo, or initials on their colour), sized by the board. */
export function ChallengesFace({ name, photoUrl, size = 'm' }: { name: string; photoUrl?: string | null; size?: 's' | 'm' | 'l' | 'xl' }) {
  return <Avatar name={name} photoUrl={photoUrl} size={size} class={`board-face board-face-${size}`} />;
}
