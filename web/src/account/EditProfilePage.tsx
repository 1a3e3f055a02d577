import { Button, Textarea, TextInput } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';

import { api, session } from '../api/client';
import type { Sector } from '../api/types';
import { useSession } from '../auth/use-session';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { PROFILE_FIELDS, ProfileFields } from '../users/ProfileFields';

const FIELDS: FieldSpecs = {
  ...PROFILE_FIELDS,
  handle: { label: 'Handle', whenEmpty: 'Enter your handle' },
  bio: { label: 'About you' },
};

export function EditProfilePage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { data, error } = await api.PATCH('/api/users/me', {
      body: {
        displayName: text(form, 'displayName'),
        handle: text(form, 'handle').replace(/^@/, ''),
        organisation: text(form, 'organisation'),
        jobTitle: text(form, 'jobTitle'),
        sector: form.get('sector') as Sector,
        bio: text(form, 'bio'),
      },
    });
    if (error) return errorsFromProblem(error, FIELDS);
    session.updateUser(data);
    navigate('/account', { state: { flash: 'Your profile has been updated' } });
  });
  if (!user) return null;
  return (
    <FormPage
      title="Change your profile"
      errors={errors}
      attempt={attempt}
      back={{ to: '/account', text: 'Back to your account' }}
    >
      <p>Other members see these details beside your questions, replies and case studies.</p>
      <form onSubmit={onSubmit} noValidate>
        <ProfileFields errorFor={errorFor} profile={user} />
        <TextInput
          id="handle"
          name="handle"
          label="Handle"
          hint="Your address on the forum: /people/your-handle. Lower-case letters, numbers and hyphens"
          prefix="@"
          autoComplete="username"
          spellCheck={false}
          defaultValue={user.handle}
          error={errorFor('handle')}
        />
        <Textarea
          id="bio"
          name="bio"
          label="About you (optional)"
          hint="Your role and the subjects you would like to hear from peers about"
          rows={5}
          maxLength={2000}
          defaultValue={user.bio}
          error={errorFor('bio')}
        />
        <Button type="submit">Save profile</Button>
      </form>
    </FormPage>
  );
}
