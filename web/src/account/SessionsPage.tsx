import { BackLink, Button, NotificationBanner, Table, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { api } from '../api/client';
import type { SessionInfo } from '../api/types';
import { useLoad } from '../api/use-load';
import { signOutEverywhere } from '../auth/sign-out';
import { errorsFromProblem, UNREACHABLE } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useFormErrors } from '../forms/use-form-errors';
import { formatDateTime } from '../layout/format';
import { usePageTitle } from '../layout/use-page-title';
import { describeDevice } from './describe-device';

function SessionRow({ entry, onSignOut }: { entry: SessionInfo; onSignOut(entry: SessionInfo): void }) {
  const device = describeDevice(entry.userAgent);
  return (
    <Table.Row>
      <Table.Cell>{device}</Table.Cell>
      <Table.Cell>{formatDateTime(entry.createdAt)}</Table.Cell>
      <Table.Cell>{formatDateTime(entry.lastUsedAt)}</Table.Cell>
      <Table.Cell>
        {entry.current ? (
          <Tag modifier="green">This device</Tag>
        ) : (
          <Button type="button" secondary small className="nhsuk-u-margin-bottom-0" onClick={() => onSignOut(entry)}>
            Sign out
            <span className="nhsuk-u-visually-hidden">
              {' '}
              {device}, last active {formatDateTime(entry.lastUsedAt)}
            </span>
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  );
}

export function SessionsPage() {
  const navigate = useNavigate();
  const [sessions, reload] = useLoad(() => api.GET('/api/auth/sessions'), 'sessions');
  const { errors, attempt, show } = useFormErrors();
  const [signedOut, setSignedOut] = useState<string | null>(null);
  usePageTitle('Devices signed in to your account', errors.length > 0);

  async function signOutOne(entry: SessionInfo) {
    try {
      const { error } = await api.DELETE('/api/auth/sessions/{id}', { params: { path: { id: entry.id } } });
      if (error) return show(errorsFromProblem(error, {}));
      show([]);
      setSignedOut(`${describeDevice(entry.userAgent)} has been signed out`);
      reload();
    } catch {
      show([UNREACHABLE]);
    }
  }

  async function signOutOfAll() {
    try {
      const problem = await signOutEverywhere();
      if (problem) return show(errorsFromProblem(problem, {}));
      navigate('/sign-in', { replace: true, state: { flash: 'You have been signed out on every device' } });
    } catch {
      show([UNREACHABLE]);
    }
  }

  return (
    <>
      <BackLink asElement={Link} to="/account" href="/account">
        Back to your account
      </BackLink>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <h1>Devices signed in to your account</h1>
      {signedOut && (
        // The button pressed has gone with its row; the banner takes focus so it is not lost.
        <NotificationBanner success key={signedOut}>
          <NotificationBanner.Heading>{signedOut}</NotificationBanner.Heading>
        </NotificationBanner>
      )}
      <p>If you do not recognise a device, sign it out and change your password.</p>
      {sessions.status === 'loading' && <p>Loading your devices…</p>}
      {sessions.status === 'failed' && <p>{sessions.problem.detail}</p>}
      {sessions.status === 'loaded' && (
        <Table responsive caption="Signed-in devices, most recently active first">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Device</Table.Cell>
              <Table.Cell>Signed in</Table.Cell>
              <Table.Cell>Last active</Table.Cell>
              <Table.Cell>
                <span className="nhsuk-u-visually-hidden">Action</span>
              </Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sessions.data.items.map((entry) => (
              <SessionRow key={entry.id} entry={entry} onSignOut={signOutOne} />
            ))}
          </Table.Body>
        </Table>
      )}
      <h2>Sign out everywhere</h2>
      <p>This signs you out on every device, this one included.</p>
      <Button type="button" warning onClick={signOutOfAll}>
        Sign out everywhere
      </Button>
    </>
  );
}
