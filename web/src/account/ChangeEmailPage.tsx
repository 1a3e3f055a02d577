import { Button, PasswordInput, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { api, session } from '../api/client';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';

const START: FieldSpecs = {
  newEmail: { label: 'New email address', whenEmpty: 'Enter your new email address' },
  currentPassword: { label: 'Current password', whenEmpty: 'Enter your current password' },
};
const CODE: FieldSpecs = { code: { label: 'Code', whenEmpty: 'Enter the 6-digit code sent to your new address' } };

/**
 * Moving the account to another address: the current password, then the code sent to the new
 * address (or that email's link, which opens this page; only its button acts).
 */
export function ChangeEmailPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const finish = async (body: { code: string } | { token: string }) => {
    const { error } = await api.POST('/api/auth/email/confirm', { body });
    if (error) return errorsFromProblem(error, CODE, { 400: token ? undefined : 'code', 429: 'code' });
    const me = await api.GET('/api/users/me');
    if (me.data) session.updateUser(me.data);
    navigate('/account', {
      state: { flash: 'Your email address has been changed. Any other devices have been signed out.' },
    });
  };

  const started = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, START);
    if (empty.length > 0) return empty;
    const { data, error } = await api.POST('/api/auth/email', {
      body: { newEmail: text(form, 'newEmail'), currentPassword: String(form.get('currentPassword')) },
    });
    if (error) return errorsFromProblem(error, START, { 422: 'newEmail', 429: 'newEmail' });
    setSentTo(data.detail);
  });
  const coded = useFormSubmit(async (form) => {
    if (token) return finish({ token });
    const empty = emptyRequiredFields(form, CODE);
    return empty.length > 0 ? empty : finish({ code: text(form, 'code') });
  });

  const back = { to: '/account', text: 'Back to your account' };
  if (token) {
    return (
      <FormPage title="Confirm your new email address" errors={coded.errors} attempt={coded.attempt} back={back}>
        <p>Select the button to move your account to the new address.</p>
        <form onSubmit={coded.onSubmit} noValidate>
          <Button type="submit">Confirm my new email address</Button>
        </form>
      </FormPage>
    );
  }
  return (
    <FormPage
      title="Change your email address"
      errors={[...started.errors, ...coded.errors]}
      attempt={started.attempt + coded.attempt}
      back={back}
    >
      {sentTo ? (
        <>
          <p role="status">{sentTo}</p>
          <form onSubmit={coded.onSubmit} noValidate>
            <TextInput
              id="code"
              name="code"
              label="Code"
              hint="The 6 digits from the email sent to your new address"
              inputMode="numeric"
              autoComplete="one-time-code"
              width={10}
              error={coded.errorFor('code')}
            />
            <Button type="submit">Change email address</Button>
          </form>
        </>
      ) : (
        <>
          <p>
            We will send a code to the new address. Your account moves there once you enter it, and we will tell your
            current address. Other devices will be signed out.
          </p>
          <form onSubmit={started.onSubmit} noValidate>
            <TextInput
              id="newEmail"
              name="newEmail"
              type="email"
              label="New email address"
              autoComplete="email"
              spellCheck={false}
              error={started.errorFor('newEmail')}
            />
            <PasswordInput
              id="currentPassword"
              name="currentPassword"
              label="Current password"
              autoComplete="current-password"
              error={started.errorFor('currentPassword')}
            />
            <Button type="submit">Send a code</Button>
          </form>
        </>
      )}
    </FormPage>
  );
}
