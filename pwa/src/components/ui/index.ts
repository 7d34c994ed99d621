/** Élan's design system: the pieces every screen is built from (tokens: styles/tokens.css). */
export { Avatar, type AvatarSize } from './Avatar';
export { Button, ButtonLink, buttonClass, type ButtonVariant } from './Button';
export { Card } from './Card';
export { Chip, ChipToggle, type ChipTone } from './Chip';
export { EmptyState } from './EmptyState';
export { Field } from './Field';
export { ListRow } from './ListRow';
export { Sheet } from './Sheet';
export { Skeleton, SkeletonText } from './Skeleton';
export { Spinner } from './Spinner';
