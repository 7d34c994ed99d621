/** The message next to a field of the challenge form, and what every group of fields is given. */
import type { ChallengeField, ChallengeFormValues } from '../../lib/challengeForm';
import type { ChallengeFormDataQuery as ChallengeFormData } from '../../graphql/challenges.generated';

export interface RulesFieldsProps {
  values: ChallengeFormValues;
  change: (patch: Partial<ChallengeFormValues>) => void;
  /** Field → the message to show next to it, already in words. */
  errors: Partial<Record<ChallengeField, string>>;
  data: ChallengeFormData;
}

/** The message under a field, tied to it for screen readers by `challenge-<field>-error`. */
export function ChallengesFieldError({ field, errors }: { field: ChallengeField; errors: RulesFieldsProps['errors'] }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <span class="field-error" id={`challenge-${field}-error`} role="alert" data-testid={`error-${field}`}>
      {message}
    </span>
  );
}

