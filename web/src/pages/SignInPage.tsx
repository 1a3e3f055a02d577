import { Button, PasswordInput, TextInput } from 'nhsuk-react-components';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';

import { publicApi } from '../api/client';
import { safeNext } from '../auth/safe-next';
import { useSignInHandOff } from '../auth/use-sign-in-hand-off';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';

const FIELDS: FieldSpecs = {
  email: { label: 'Email address', whenEmpty: 'Enter your email address' },
  password: { label: 'Password', whenEmpty: 'Enter your password' },
};

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), window.location.origin);
  const handOff = useSignInHandOff();
  const navigate = useNavigate();
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const email = text(form, 'email');
    const { data, error } = await publicApi.POST('/api/auth/login', {
      body: { email, password: String(form.get('password')) },
    });
    // The right password, but the address is not confirmed yet: a code has just been sent.
    if (error?.type === '/problems/address-not-confirmed')
      return void navigate('/confirm-address', { state: { email, flash: error.detail } });
    if (error) return errorsFromProblem(error, FIELDS);
    handOff.signedIn(data, next);
  });

  if (handOff.alreadySignedIn) return <Navigate to={next} replace />;
  return (
    <FormPage title="Sign in" errors={errors} attempt={attempt}>
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
        <PasswordInput
          id="password"
          name="password"
          label="Password"
          autoComplete="current-password"
          error={errorFor('password')}
        />
        <Button type="submit">Sign in</Button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to the forum? <Link to="/register">Create an account</Link>
      </p>
    </FormPage>
  );
}
