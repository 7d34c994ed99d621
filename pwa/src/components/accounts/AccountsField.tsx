import type { Ref } from 'preact';

interface AccountsFieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value: string;
  onInput: (value: string) => void;
  autoComplete: string;
  hint?: string;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  inputMode?: 'text' | 'email';
  autoCapitalize?: 'none' | 'words' | 'characters';
}

/** A labelled input whose hint and error are announced with it. */
export function AccountsField(props: AccountsFieldProps) {
  const id = `field-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : null;
  const errorId = props.error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  // Preact types <input> per `type` literal; the attributes used here are valid for all three.
  const type = (props.type ?? 'text') as 'text';
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        name={props.name}
        type={type}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        autoComplete={props.autoComplete}
        autoCapitalize={props.autoCapitalize ?? 'none'}
        inputMode={props.inputMode}
        spellcheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {props.hint && (
        <p id={hintId ?? undefined} class="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId ?? undefined} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
