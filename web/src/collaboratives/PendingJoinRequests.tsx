import { Button } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { api } from '../api/client';
import type { components } from '../api/schema';
import { useAction } from '../api/use-action';
import { useCursorList } from '../api/use-cursor-list';

type JoinRequest = components['schemas']['JoinRequestDto'];

/** For leads: requests to join waiting for a decision, each approved or declined here. */
export function PendingJoinRequests({
  collaborativeId,
  onDecided,
}: {
  collaborativeId: string;
  onDecided(message: string): void;
}) {
  const list = useCursorList<JoinRequest>(
    (cursor) =>
      api.GET('/api/collaboratives/{id}/join-requests', {
        params: { path: { id: collaborativeId }, query: { status: 'pending', cursor } },
      }),
    collaborativeId,
  );
  const { busy, problem, run } = useAction();
  if (list.items.length === 0) return null;
  const decide = (request: JoinRequest, approve: boolean) => {
    const path = { params: { path: { id: collaborativeId, requestId: request.id } } };
    void run(
      () =>
        approve
          ? api.POST('/api/collaboratives/{id}/join-requests/{requestId}/approve', path)
          : api.POST('/api/collaboratives/{id}/join-requests/{requestId}/decline', path),
      () => {
        list.update((items) => items.filter((item) => item.id !== request.id));
        onDecided(`${request.requester.displayName}'s request was ${approve ? 'approved' : 'declined'}`);
      },
    );
  };
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">Requests to join</h2>
      {problem && <p className="nhsuk-error-message">{problem}</p>}
      <ul className="nhsuk-list app-items" aria-labelledby="requests-heading">
        {list.items.map((request) => (
          <li key={request.id}>
            <Link to={`/people/${request.requester.handle}`}>{request.requester.displayName}</Link>,{' '}
            {request.requester.jobTitle}, {request.requester.organisation}
            {request.message && <p className="nhsuk-u-margin-bottom-2">“{request.message}”</p>}
            <div className="app-actions">
              <Button type="button" small disabled={busy} onClick={() => decide(request, true)}>
                Approve<span className="nhsuk-u-visually-hidden"> {request.requester.displayName}</span>
              </Button>
              <Button type="button" small secondary disabled={busy} onClick={() => decide(request, false)}>
                Decline<span className="nhsuk-u-visually-hidden"> {request.requester.displayName}</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
