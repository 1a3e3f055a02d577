import { Button, PasswordInput, TextInput } from 'nhsuk-react-components';
import { Link, Navigate, useNavigate } from 'react-router';

import { publicApi } from '../api/client';
import type { Sector } from '../api/types';
import { useSignInHandOff } from '../auth/use-sign-in-hand-off';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { PROFILE_FIELDS, ProfileFields } from '../users/ProfileFields';

const FIELDS: FieldSpecs = {
  email: { label: 'Email address', whenEmpty: 'Enter your work email address' },
  password: { label: 'Password', whenEmpty: 'Enter a password' },
  ...PROFILE_FIELDS,
};

/** A domain the forum does not accept (422) is about the email. */
const EMAIL_PROBLEMS = { 422: 'email' };

export function RegisterPage() {
  const navigate = useNavigate();
  const handOff = useSignInHandOff();
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const credentials = { email: text(form, 'email'), password: String(form.get('password')) };
    const registered = await publicApi.POST('/api/auth/register', {
      body: {
        ...credentials,
        displayName: text(form, 'displayName'),
        organisation: text(form, 'organisation'),
        jobTitle: text(form, 'jobTitle'),
        sector: form.get('sector') as Sector,
      },
    });
    if (registered.error) return errorsFromProblem(registered.error, FIELDS, EMAIL_PROBLEMS);
    // No tokens until the address is confirmed: the code from the email signs the person in.
    navigate('/confirm-address', { state: { email: registered.data.email, flash: registered.data.detail } });
  });

  if (handOff.alreadySignedIn) return <Navigate to="/" replace />;
  return (
    <FormPage title="Create an account" errors={errors} attempt={attempt}>
      <p>
        The forum is for leaders working in NHS trusts and provider collaboratives. Register with your work email
        address.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Work email address"
          autoComplete="email"
          spellCheck={false}
          error={errorFor('email')}
        />
        <PasswordInput
          id="password"
          name="password"
          label="Password"
          hint="At least 12 characters. A phrase of unrelated words is easier to remember and harder to guess."
          autoComplete="new-password"
          error={errorFor('password')}
        />
        <ProfileFields errorFor={errorFor} />
        <Button type="submit">Create account</Button>
      </form>
      <p>
        Already registered? <Link to="/sign-in">Sign in</Link>
      </p>
    </FormPage>
  );
}
