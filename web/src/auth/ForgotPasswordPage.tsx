import { Button, TextInput } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';

import { publicApi } from '../api/client';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';

const FIELDS: FieldSpecs = { email: { label: 'Email address', whenEmpty: 'Enter your email address' } };

/** "Forgot your password?": the same answer for every address, then on to the code. */
export function ForgotPasswordPage() {
  const navigate = useNavigate();
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const email = text(form, 'email');
    const { data, error } = await publicApi.POST('/api/auth/password-reset', { body: { email } });
    if (error) return errorsFromProblem(error, FIELDS, { 429: 'email' });
    navigate(`/reset-password?email=${encodeURIComponent(email)}`, { state: { flash: data.detail } });
  });
  return (
    <FormPage
      title="Reset your password"
      errors={errors}
      attempt={attempt}
      back={{ to: '/sign-in', text: 'Back to sign in' }}
    >
      <p>Enter the email address you sign in with. We will send it a code and a link to choose a new password.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          error={errorFor('email')}
        />
        <Button type="submit">Send a reset code</Button>
      </form>
    </FormPage>
  );
}
