import './Spinner.css';

interface SpinnerProps {
  /** Read by screen readers (« Chargement… »); without it the spinner is decoration. */
  label?: string;
  size?: 's' | 'm' | 'l';
}

/** Something is on its way; prefer a Skeleton shaped like the content when the content is known. */
export function Spinner({ label, size = 'm' }: SpinnerProps) {
  return (
    <span class={`ui-spinner ui-spinner-${size}`} role={label ? 'status' : undefined} aria-hidden={label ? undefined : true}>
      {label && <span class="visually-hidden">{label}</span>}
    </span>
  );
}
