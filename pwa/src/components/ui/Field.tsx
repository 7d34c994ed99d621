import type { ComponentChildren, InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import './Field.css';

type Control =
  | ({ kind?: 'text' | 'number' | 'email' | 'password' | 'search' | 'date' | 'tel' | 'url' } & Omit<InputHTMLAttributes<HTMLInputElement>, 'label'>)
  | ({ kind: 'textarea' } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'label'>)
  | ({ kind: 'select'; children: ComponentChildren } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'label'>);

export type FieldProps = Control & {
  label: ComponentChildren;
  /** Under the label, before the control (format, limits). */
  hint?: ComponentChildren;
  /** Shown under the control; when it appears, the field is scrolled into view. */
  error?: string | null;
  /** Only the label's words for screen readers (a label that the layout already shows). */
  hiddenLabel?: boolean;
  fieldClass?: string;
};

/**
 * A form field: visible label, the control (text, number, select or textarea, 44 px tall at
 * least), an optional hint, and its error inline, announced and scrolled into view.
 */
export function Field(props: FieldProps) {
  const { label, hint, error, hiddenLabel, fieldClass, kind = 'text', id: givenId, children, ...control } = props as FieldProps & {
    id?: string;
    children?: ComponentChildren;
  };
  const autoId = useId();
  const id = givenId ?? `field-${autoId}`;
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error]);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const shared = { id, class: `ui-control ui-control-${kind}`, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div class={['ui-field', error ? 'has-error' : '', fieldClass ?? ''].filter(Boolean).join(' ')}>
      <label for={id} class={hiddenLabel ? 'visually-hidden' : 'ui-field-label'}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="ui-field-hint">
          {hint}
        </p>
      )}
      {kind === 'textarea' ? (
        <textarea {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...shared} />
      ) : kind === 'select' ? (
        <select {...(control as SelectHTMLAttributes<HTMLSelectElement>)} {...shared}>
          {children}
        </select>
      ) : (
        <input {...({ inputMode: kind === 'number' ? 'decimal' : undefined, ...control, ...shared, type: kind } as InputHTMLAttributes<HTMLInputElement>)} />
      )}
      {error && (
        <p id={`${id}-error`} class="ui-field-error" role="alert" ref={errorRef}>
          {error}
        </p>
      )}
    </div>
  );
}
