import { Button, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { api } from '../api/client';
import type { components } from '../api/schema';
import { useAction } from '../api/use-action';
import { useCursorList } from '../api/use-cursor-list';
import { FormPage } from '../forms/FormPage';
import { formatDateTime } from '../layout/format';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { Success } from '../layout/Success';

type JoinRequest = components['schemas']['JoinRequestDto'];

const STATUS: Record<JoinRequest['status'], { text: string; modifier: 'blue' | 'green' | 'red' | 'grey' }> = {
  pending: { text: 'Waiting', modifier: 'blue' },
  approved: { text: 'Approved', modifier: 'green' },
  declined: { text: 'Declined', modifier: 'red' },
  withdrawn: { text: 'Withdrawn', modifier: 'grey' },
};

/** The requests you made to join members-only collaboratives, their outcomes, and withdrawing one still waiting. */
export function JoinRequestsPage() {
  const list = useCursorList<JoinRequest>(
    (cursor) => api.GET('/api/users/me/join-requests', { params: { query: { cursor } } }),
    'my-join-requests',
  );
  const { busy, problem, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const withdraw = (request: JoinRequest) =>
    void run(
      () => api.DELETE('/api/users/me/join-requests/{requestId}', { params: { path: { requestId: request.id } } }),
      () => {
        list.update((items) => items.map((item) => (item.id === request.id ? { ...item, status: 'withdrawn' } : item)));
        setDone(`Your request to join ${request.collaborativeName} has been withdrawn`);
      },
    );
  return (
    <FormPage
      title="Your requests to join"
      errors={[]}
      attempt={0}
      back={{ to: '/account', text: 'Back to your account' }}
    >
      <Success message={done} />
      {problem && <p className="nhsuk-error-message">{problem}</p>}
      {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
      {list.status === 'loaded' && list.items.length === 0 && <p>You have not asked to join a collaborative.</p>}
      <ul className="nhsuk-list app-items" aria-label="Your requests to join">
        {list.items.map((request) => (
          <li key={request.id}>
            <Link to={`/collaboratives/${request.collaborativeId}`}>{request.collaborativeName}</Link>{' '}
            <Tag modifier={STATUS[request.status].modifier}>{STATUS[request.status].text}</Tag>
            <p className="app-meta nhsuk-u-margin-bottom-2">Asked {formatDateTime(request.createdAt)}</p>
            {request.status === 'pending' && (
              <Button type="button" secondary small disabled={busy} onClick={() => withdraw(request)}>
                Withdraw
                <span className="nhsuk-u-visually-hidden"> your request to join {request.collaborativeName}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ShowMore list={list} what="requests" />
    </FormPage>
  );
}
