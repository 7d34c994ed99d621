import type { ButtonHTMLAttributes, ComponentChildren, MouseEventHandler } from 'preact';
import { Spinner } from './Spinner';
import './Button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface ButtonOwnProps {
  variant?: ButtonVariant;
  /** Takes the whole width of its column (forms, sheets). */
  block?: boolean;
  /** Shows a spinner and refuses clicks while an action runs. */
  busy?: boolean;
  icon?: ComponentChildren;
  children?: ComponentChildren;
  class?: string;
}

export type ButtonProps = ButtonOwnProps & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon' | 'class'>;
export type ButtonLinkProps = ButtonOwnProps & {
  href: string;
  onClick?: MouseEventHandler<HTMLAnchorElement>;
  target?: string;
  rel?: string;
  download?: string;
  'aria-current'?: 'page';
};

export function buttonClass({ variant = 'secondary', block, class: extra }: ButtonOwnProps): string {
  return ['ui-button', `ui-button-${variant}`, block ? 'ui-button-block' : '', extra ?? ''].filter(Boolean).join(' ');
}

/** The one button: at least 44 px tall and wide, a visible label, one of four weights. */
export function Button({ variant, block, busy, icon, children, class: extra, type = 'button', disabled, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      class={buttonClass({ variant, block, class: extra })}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <Spinner size="s" /> : icon}
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, never an action). */
export function ButtonLink({ variant, block, icon, children, class: extra, busy: _busy, ...rest }: ButtonLinkProps) {
  return (
    <a {...rest} class={buttonClass({ variant, block, class: extra })}>
      {icon}
      {children}
    </a>
  );
}
