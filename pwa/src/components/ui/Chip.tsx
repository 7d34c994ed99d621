import type { ComponentChildren } from 'preact';
import './Chip.css';

export type ChipTone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger' | 'win' | 'bestPractice';

interface ChipProps {
  tone?: ChipTone;
  icon?: ComponentChildren;
  children: ComponentChildren;
  class?: string;
}

/** A short status or category (« Réussite », « Brouillon », « 2e ex aequo »). Not a button. */
export function Chip({ tone = 'neutral', icon, children, class: extra }: ChipProps) {
  return (
    <span class={`ui-chip ui-chip-${tone}${extra ? ` ${extra}` : ''}`}>
      {icon}
      {children}
    </span>
  );
}

interface ChipToggleProps {
  pressed: boolean;
  onToggle: () => void;
  children: ComponentChildren;
}

/** A filter chip the reader turns on and off (44 px tall). */
export function ChipToggle({ pressed, onToggle, children }: ChipToggleProps) {
  return (
    <button type="button" class="ui-chip ui-chip-toggle" aria-pressed={pressed} onClick={onToggle}>
      {children}
    </button>
  );
}
