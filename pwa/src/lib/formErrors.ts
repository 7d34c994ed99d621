/**
 * Turns a typed error from a mutation result into what a form shows: a
 * message under a field when the server names one, else one for the form,
 * and how long to wait after a rate limit.
 */

export interface ResultError {
  __typename: string;
  message: string;
  field?: string | null;
  retryAfterSeconds?: number;
}

export interface FormErrors<F extends string> {
  form: string | null;
  fields: Partial<Record<F, string>>;
  retryAfterSeconds: number | null;
}

export function noFormErrors<F extends string>(): FormErrors<F> {
  return { form: null, fields: {}, retryAfterSeconds: null };
}

/** `display_name`, `input.displayName` and `displayName` all name the same field. */
function normalise(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.replace(/[_-]/g, '').toLowerCase();
}

export function formErrorsFrom<F extends string>(error: ResultError, fields: readonly F[]): FormErrors<F> {
  const retryAfterSeconds =
    error.__typename === 'RateLimitedError' && typeof error.retryAfterSeconds === 'number'
      ? Math.max(1, Math.ceil(error.retryAfterSeconds))
      : null;
  const field = error.field ? fields.find((name) => normalise(name) === normalise(error.field as string)) : undefined;
  if (field) {
    return { form: null, fields: { [field]: error.message } as Partial<Record<F, string>>, retryAfterSeconds };
  }
  return { form: error.message, fields: {}, retryAfterSeconds };
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return EMAIL_SHAPE.test(value.trim());
}
