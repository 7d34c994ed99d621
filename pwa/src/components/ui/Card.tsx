import type { ComponentChildren, HTMLAttributes } from 'preact';
import './Card.css';

interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'as' | 'class' | 'role'> {
  as?: 'article' | 'section' | 'div' | 'li';
  /** Edge to edge content (photos) with no inner padding. */
  flush?: boolean;
  /** Lifted above the page (celebrations, pinned rows). */
  raised?: boolean;
  class?: string;
  children: ComponentChildren;
}

/** A surface grouping one thing: a post, a challenge, a stat. */
export function Card({ as = 'div', flush, raised, class: extra, children, ...rest }: CardProps) {
  const Tag = as as 'div';
  const classes = ['ui-card', flush ? 'ui-card-flush' : '', raised ? 'ui-card-raised' : '', extra ?? ''].filter(Boolean).join(' ');
  return (
    <Tag {...(rest as HTMLAttributes<HTMLDivElement>)} class={classes}>
      {children}
    </Tag>
  );
}
