import { describe, expect, it } from 'vitest';
import { formErrorsFrom, looksLikeEmail } from './formErrors';

const fields = ['inviteCode', 'email', 'displayName', 'password'] as const;

describe('formErrorsFrom', () => {
  it('puts a validation message under the field the server names, whatever its spelling', () => {
    for (const field of ['displayName', 'display_name', 'input.displayName']) {
      const errors = formErrorsFrom({ __typename: 'ValidationError', message: 'Trop court', field }, fields);
      expect(errors).toEqual({ form: null, fields: { displayName: 'Trop court' }, retryAfterSeconds: null });
    }
  });

  it('shows other errors for the whole form, in the server’s words', () => {
    const errors = formErrorsFrom(
      { __typename: 'InvalidCredentialsError', message: 'E-mail ou mot de passe incorrect.' },
      fields,
    );
    expect(errors.form).toBe('E-mail ou mot de passe incorrect.');
    expect(errors.fields).toEqual({});
  });

  it('shows a validation error on an unknown field at form level', () => {
    const errors = formErrorsFrom({ __typename: 'ValidationError', message: 'Non', field: 'role' }, fields);
    expect(errors.form).toBe('Non');
  });

  it('keeps the wait of a rate limit, rounded up to a whole second', () => {
    const errors = formErrorsFrom(
      { __typename: 'RateLimitedError', message: 'Trop de tentatives.', retryAfterSeconds: 29.2 },
      fields,
    );
    expect(errors).toMatchObject({ form: 'Trop de tentatives.', retryAfterSeconds: 30 });
  });
});

describe('looksLikeEmail', () => {
  it('accepts ordinary addresses and refuses obvious typos', () => {
    expect(looksLikeEmail(' seller@elan.example ')).toBe(true);
    expect(looksLikeEmail('seller@elan')).toBe(false);
    expect(looksLikeEmail('seller elan@x.fr')).toBe(false);
    expect(looksLikeEmail('')).toBe(false);
  });
});
