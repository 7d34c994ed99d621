import type { ComponentChildren, MouseEventHandler } from 'preact';
import { linkClick } from '../../router';
import './ListRow.css';

interface ListRowProps {
  /** Avatar, icon or rank at the start. */
  leading?: ComponentChildren;
  title: ComponentChildren;
  subtitle?: ComponentChildren;
  /** Score, chip or chevron at the end. */
  trailing?: ComponentChildren;
  /** The whole row is a link to this path (in-app navigation). */
  href?: string;
  onClick?: MouseEventHandler<HTMLButtonElement>;
  class?: string;
}

/** One line of a list: at least 56 px, the title never cut without an ellipsis. */
export function ListRow({ leading, title, subtitle, trailing, href, onClick, class: extra }: ListRowProps) {
  const inner = (
    <>
      {leading && <span class="ui-row-leading">{leading}</span>}
      <span class="ui-row-text">
        <span class="ui-row-title">{title}</span>
        {subtitle && <span class="ui-row-subtitle">{subtitle}</span>}
      </span>
      {trailing && <span class="ui-row-trailing">{trailing}</span>}
    </>
  );
  const classes = `ui-row${href || onClick ? ' ui-row-action' : ''}${extra ? ` ${extra}` : ''}`;
  if (href) {
    return (
      <a class={classes} href={href} onClick={linkClick}>
        {inner}
      </a>
    );
  }
  if (onClick) {
    return (
      <button type="button" class={classes} onClick={onClick}>
        {inner}
      </button>
    );
  }
  return <div class={classes}>{inner}</div>;
}
