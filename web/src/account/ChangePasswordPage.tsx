import { Button, PasswordInput } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';

import { api } from '../api/client';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { useFormSubmit } from '../forms/use-form-submit';

const FIELDS: FieldSpecs = {
  currentPassword: { label: 'Current password', whenEmpty: 'Enter your current password' },
  newPassword: { label: 'New password', whenEmpty: 'Enter a new password' },
};

export function ChangePasswordPage() {
  const navigate = useNavigate();
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { error } = await api.POST('/api/auth/password', {
      body: { currentPassword: String(form.get('currentPassword')), newPassword: String(form.get('newPassword')) },
    });
    if (error) return errorsFromProblem(error, FIELDS);
    navigate('/account', {
      state: { flash: 'Your password has been changed. Any other devices have been signed out.' },
    });
  });
  return (
    <FormPage
      title="Change your password"
      errors={errors}
      attempt={attempt}
      back={{ to: '/account', text: 'Back to your account' }}
    >
      <p>Changing your password signs you out on every other device.</p>
      <form onSubmit={onSubmit} noValidate>
        <PasswordInput
          id="currentPassword"
          name="currentPassword"
          label="Current password"
          autoComplete="current-password"
          error={errorFor('currentPassword')}
        />
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
    </FormPage>
  );
}
