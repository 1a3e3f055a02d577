import { Button, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';

import { publicApi } from '../api/client';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { useSignInHandOff } from './use-sign-in-hand-off';

const FIELDS: FieldSpecs = {
  email: { label: 'Email address', whenEmpty: 'Enter your email address' },
  code: { label: 'Code', whenEmpty: 'Enter the 6-digit code from the email' },
};

/** Where registering and signing in send someone whose address is not confirmed yet. */
export interface ConfirmAddressState {
  email?: string;
}

/**
 * Confirms an address, which signs the person in. The email's link opens this page with its
 * token, and only the button acts: mail scanners (NHSmail's Safe Links) open every link first.
 */
export function ConfirmAddressPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const email = (useLocation().state as ConfirmAddressState | null)?.email ?? params.get('email') ?? '';
  const handOff = useSignInHandOff();
  const [resent, setResent] = useState<string | null>(null);
  const welcome = (name: string) => `Your email address is confirmed. Welcome to the forum, ${name}`;

  const confirmed = useFormSubmit(async (form) => {
    const proof = token
      ? { token }
      : (() => {
          const empty = emptyRequiredFields(form, FIELDS);
          return empty.length > 0 ? empty : { email: text(form, 'email'), code: text(form, 'code') };
        })();
    if (Array.isArray(proof)) return proof;
    const { data, error } = await publicApi.POST('/api/auth/confirm-address', { body: proof });
    if (error) return errorsFromProblem(error, FIELDS, { 400: token ? undefined : 'code' });
    handOff.signedIn(data, '/', welcome(data.user.displayName));
  });

  const resend = useFormSubmit(async (form) => {
    const address = text(form, 'resendEmail');
    if (!address) return [{ field: 'resendEmail', message: 'Enter your email address' }];
    const { data, error } = await publicApi.POST('/api/auth/confirm-address/resend', { body: { email: address } });
    if (error) return errorsFromProblem(error, { email: { label: 'Email address' } }, { 429: 'resendEmail' });
    setResent(data.detail);
  });

  if (handOff.alreadySignedIn) return <Navigate to="/" replace />;
  const errors = [...confirmed.errors, ...resend.errors];
  if (token) {
    return (
      <FormPage title="Confirm your email address" errors={errors} attempt={confirmed.attempt}>
        <p>Select the button to confirm your email address and sign in.</p>
        <form onSubmit={confirmed.onSubmit} noValidate>
          <Button type="submit">Confirm my email address</Button>
        </form>
        <p>
          Link not working? <Link to="/confirm-address">Enter the code from the email instead</Link>
        </p>
      </FormPage>
    );
  }
  return (
    <FormPage title="Confirm your email address" errors={errors} attempt={confirmed.attempt + resend.attempt}>
      <p>
        We have sent a 6-digit code to your email address. Enter it here, or open the link in the email. The code works
        once, for a day.
      </p>
      <form onSubmit={confirmed.onSubmit} noValidate>
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="email"
          spellCheck={false}
          defaultValue={email}
          error={confirmed.errorFor('email')}
        />
        <TextInput
          id="code"
          name="code"
          label="Code"
          hint="The 6 digits from the email, for example 042917"
          inputMode="numeric"
          autoComplete="one-time-code"
          width={10}
          error={confirmed.errorFor('code')}
        />
        <Button type="submit">Confirm and sign in</Button>
      </form>
      <h2>Not received a code?</h2>
      {resent ? <p role="status">{resent}</p> : null}
      <p>Check your junk folder first. Codes can take a few minutes to arrive.</p>
      <form onSubmit={resend.onSubmit} noValidate>
        <TextInput
          id="resendEmail"
          name="resendEmail"
          type="email"
          label="Email address to send a new code to"
          autoComplete="email"
          spellCheck={false}
          defaultValue={email}
          error={resend.errorFor('resendEmail')}
        />
        <Button type="submit" secondary>
          Send a new code
        </Button>
      </form>
    </FormPage>
  );
}
