import type { ComponentChildren } from 'preact';
import './EmptyState.css';

interface EmptyStateProps {
  icon?: ComponentChildren;
  title: ComponentChildren;
  /** What to do next (« Publiez la première réussite de l’équipe »). */
  text?: ComponentChildren;
  action?: ComponentChildren;
}

/** Nothing to show yet, and what to do about it. */
export function EmptyState({ icon, title, text, action }: EmptyStateProps) {
  return (
    <div class="ui-empty">
      {icon && (
        <span class="ui-empty-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <h2 class="ui-empty-title">{title}</h2>
      {text && <p class="ui-empty-text">{text}</p>}
      {action && <div class="ui-empty-action">{action}</div>}
    </div>
  );
}
