/**
 * What the sign-up, sign-in and profile forms say when the server refuses: the page's language,
 * never the server's English, with each field it names.
 */
import { describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { explainFailure } from '../../src/islands/lib/account-rules.ts';
import en from '../../src/i18n/ui/en.json' with { type: 'json' };
import sw from '../../src/i18n/ui/sw.json' with { type: 'json' };
import ar from '../../src/i18n/ui/ar.json' with { type: 'json' };

const refusal = (status: number, data: Record<string, { code: string; message: string }> = {}) =>
  new ClientResponseError({ url: '/api/collections/users/records', status, response: { message: 'Failed to create record.', data } });

describe('server errors in the page\'s language', () => {
  it('translates each field PocketBase names, and joins them for the form', () => {
    const error = refusal(400, { email: { code: 'validation_not_unique', message: 'Value must be unique.' }, country: { code: 'validation_max_text_constraint', message: 'Must be less than 80 character(s).' } });
    for (const strings of [en, sw, ar]) {
      const { message, fields } = explainFailure(error, strings.accounts.errors, strings.formErrors);
      expect(fields).toEqual({ email: strings.formErrors.validation_not_unique, country: strings.formErrors.validation_max_text_constraint });
      expect(message).toBe(`${fields.email} ${fields.country}`);
      expect(message).not.toMatch(/Value must be unique|Failed to create/);
    }
    // the accounts' own codes keep their words
    const weak = refusal(400, { password: { code: 'validation_password_common', message: 'common' } });
    expect(explainFailure(weak, ar.accounts.errors, ar.formErrors).fields).toEqual({ password: ar.accounts.errors.validation_password_common });
  });

  it('says what a status means when no field is named, and an unknown code in words of its own', () => {
    expect(explainFailure(refusal(429), sw.accounts.errors, sw.formErrors)).toEqual({ message: sw.formErrors.tooMany, fields: {} });
    expect(explainFailure(refusal(500), sw.accounts.errors, sw.formErrors).message).toBe(sw.formErrors.serverProblem);
    expect(explainFailure(refusal(400), sw.accounts.errors, sw.formErrors).message).toBe(sw.formErrors.notAccepted);
    const odd = refusal(400, { name: { code: 'validation_something_new', message: 'English only' } });
    expect(explainFailure(odd, ar.accounts.errors, ar.formErrors).fields).toEqual({ name: ar.formErrors.notAccepted });
  });
});
