/** The state of a challenge's rules form: its values, the messages next to its fields, and how a refusal lands. */
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import {
  placeServerError,
  type ChallengeField,
  type ChallengeFormErrors,
  type ChallengeFormValues,
} from '../../lib/challengeForm';

/** A catalogue text for the key, or null when the catalogue doesn't have it. */
function known(key: string): string | null {
  const text = t(key as never);
  return text === key ? null : text;
}

export interface RulesForm {
  values: ChallengeFormValues;
  change: (patch: Partial<ChallengeFormValues>) => void;
  reset: (values: ChallengeFormValues) => void;
  errors: Partial<Record<ChallengeField, string>>;
  /** Shows the checks' messages; true when there were none. */
  show: (found: ChallengeFormErrors) => boolean;
  /** Shows a server refusal next to its field, in the catalogue's words when it has them; returns the field. */
  refuse: (error: { code: string; message: string; field?: string | null }) => ChallengeField;
  /** Shows a message over the whole form. */
  fail: (message: string) => void;
}

export function useRulesForm(initial: ChallengeFormValues): RulesForm {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<ChallengeField, string>>>({});
  return {
    values,
    errors,
    change: (patch) => setValues((current) => ({ ...current, ...patch })),
    reset: setValues,
    show: (found) => {
      setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key as never)])));
      return Object.keys(found).length === 0;
    },
    refuse: (error) => {
      const placed = placeServerError(error);
      setErrors({ [placed.field]: known(placed.key) ?? placed.message });
      return placed.field;
    },
    fail: (message) => setErrors({ form: message }),
  };
}
