import { Button, Radios } from 'nhsuk-react-components';
import { useState } from 'react';

import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import { FormPage } from '../forms/FormPage';
import { LoadProblem } from '../layout/LoadProblem';
import { Success } from '../layout/Success';
import { EMAIL_KINDS, type EmailFrequency, type EmailPreferences, FREQUENCY_LABELS } from './labels';

const FREQUENCIES = Object.keys(FREQUENCY_LABELS) as EmailFrequency[];

/** How each kind of notification is emailed: at once, in the digest, or never. */
export function EmailPreferencesPage() {
  const [loaded] = useLoad(() => api.GET('/api/me/email-preferences'), 'email-preferences');
  const { busy, problem, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <FormPage
      title="Email notifications"
      errors={[]}
      attempt={0}
      back={{ to: '/account', text: 'Back to your account' }}
    >
      <Success message={saved} />
      <p>
        Emails sent straight away wait a few minutes first: if you read the notification in the forum meanwhile, no
        email is sent. Notices from moderators about your own posts or account are always emailed.
      </p>
      {loaded.status === 'loading' && <p>Loading your email preferences…</p>}
      {loaded.status === 'failed' && <LoadProblem problem={loaded.problem} />}
      {loaded.status === 'loaded' && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const body = Object.fromEntries(
              EMAIL_KINDS.map(({ kind }) => [kind, form.get(kind) as EmailFrequency]),
            ) as EmailPreferences;
            setSaved(null);
            void run(
              () => api.PUT('/api/me/email-preferences', { body }),
              () => setSaved('Your email preferences have been saved.'),
            );
          }}
        >
          {EMAIL_KINDS.map(({ kind, legend }) => (
            <Radios key={kind} legend={legend} legendProps={{ size: 's' }} name={kind}>
              {FREQUENCIES.map((frequency, index) => (
                <Radios.Item
                  key={frequency}
                  id={index === 0 ? kind : `${kind}-${frequency}`}
                  value={frequency}
                  defaultChecked={loaded.data[kind] === frequency}
                >
                  {FREQUENCY_LABELS[frequency]}
                </Radios.Item>
              ))}
            </Radios>
          ))}
          {problem && (
            <p className="nhsuk-error-message" role="alert">
              {problem}
            </p>
          )}
          <Button type="submit" disabled={busy}>
            Save email preferences
          </Button>
        </form>
      )}
    </FormPage>
  );
}
