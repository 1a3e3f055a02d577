import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { publicApi } from '../api/client';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import { FormPage } from '../forms/FormPage';
import { LoadProblem } from '../layout/LoadProblem';

/**
 * The page an email's unsubscribe link opens. Opening it changes nothing (mail scanners open
 * every link first); the button turns that kind of email off. No sign-in: the link's token
 * says whose emails and which kind.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [link] = useLoad(
    () => publicApi.GET('/api/email-preferences/unsubscribe/{token}', { params: { path: { token } } }),
    token,
  );
  const { busy, problem, run } = useAction();
  const [done, setDone] = useState(false);
  return (
    <FormPage title="Stop these emails" errors={[]} attempt={0}>
      {link.status === 'loading' && <p>Checking the link…</p>}
      {link.status === 'failed' && <LoadProblem problem={link.problem} />}
      {link.status === 'loaded' && !done && (
        <>
          <p>
            You will no longer be emailed about: <strong>{link.data.label}</strong>. You will still see these in your
            notifications in the forum.
          </p>
          {problem && (
            <p className="nhsuk-error-message" role="alert">
              {problem}
            </p>
          )}
          <Button
            disabled={busy}
            onClick={() =>
              void run(
                () =>
                  publicApi.POST('/api/email-preferences/unsubscribe/{token}', {
                    params: { path: { token } },
                    body: {},
                  }),
                () => setDone(true),
              )
            }
          >
            Stop these emails
          </Button>
        </>
      )}
      {done && (
        <div role="status">
          <p>You have been unsubscribed. No more emails about this will be sent.</p>
        </div>
      )}
      <p>
        You can change every kind of email in your <Link to="/account/email-notifications">email preferences</Link>.
      </p>
    </FormPage>
  );
}
