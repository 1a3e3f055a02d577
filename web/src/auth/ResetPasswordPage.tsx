import { Button, PasswordInput, TextInput } from 'nhsuk-react-components';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { publicApi } from '../api/client';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';

const NEW_PASSWORD: FieldSpecs = { newPassword: { label: 'New password', whenEmpty: 'Enter a new password' } };
const WITH_CODE: FieldSpecs = {
  email: { label: 'Email address', whenEmpty: 'Enter your email address' },
  code: { label: 'Code', whenEmpty: 'Enter the 6-digit code from the email' },
  ...NEW_PASSWORD,
};

/**
 * A new password, with the emailed code or the email link's token. Opening the link changes
 * nothing: only the button does (mail scanners open every link first).
 */
export function ResetPasswordPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const fields = token ? NEW_PASSWORD : WITH_CODE;
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, fields);
    if (empty.length > 0) return empty;
    const newPassword = String(form.get('newPassword'));
    const body = token ? { token, newPassword } : { email: text(form, 'email'), code: text(form, 'code'), newPassword };
    const { error } = await publicApi.POST('/api/auth/password-reset/confirm', { body });
    if (error) return errorsFromProblem(error, fields, { 400: token ? undefined : 'code', 429: 'code' });
    navigate('/sign-in', {
      state: { flash: 'Your password has been changed, and you have been signed out everywhere. Sign in with it now.' },
    });
  });
  return (
    <FormPage title="Choose a new password" errors={errors} attempt={attempt}>
      <p>Choosing a new password signs you out on every device.</p>
      <form onSubmit={onSubmit} noValidate>
        {token ? null : (
          <>
            <TextInput
              id="email"
              name="email"
              type="email"
              label="Email address"
              autoComplete="username"
              spellCheck={false}
              defaultValue={params.get('email') ?? ''}
              error={errorFor('email')}
            />
            <TextInput
              id="code"
              name="code"
              label="Code"
              hint="The 6 digits from the email, for example 042917"
              inputMode="numeric"
              autoComplete="one-time-code"
              width={10}
              error={errorFor('code')}
            />
          </>
        )}
        <PasswordInput
          id="newPassword"
          name="newPassword"
          label="New password"
          hint="At least 12 characters, not your email address and not a common password"
          autoComplete="new-password"
          error={errorFor('newPassword')}
        />
        <Button type="submit">Change password</Button>
      </form>
      <p>
        No email? <Link to="/forgot-password">Ask for a new code</Link>
      </p>
    </FormPage>
  );
}
