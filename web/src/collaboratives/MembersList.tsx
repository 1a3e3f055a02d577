import { Link } from 'react-router';

import { api } from '../api/client';
import type { Member } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';

/** The members and leads of a collaborative, with links to their profiles. */
export function MembersList({ collaborativeId }: { collaborativeId: string }) {
  const list = useCursorList<Member>(
    (cursor) =>
      api.GET('/api/collaboratives/{id}/members', { params: { path: { id: collaborativeId }, query: { cursor } } }),
    collaborativeId,
  );
  if (list.status === 'failed' && list.problem) return <LoadProblem problem={list.problem} />;
  if (list.status === 'loading') return <p role="status">Loading members…</p>;
  if (list.items.length === 0) return <p>No members yet.</p>;
  return (
    <>
      <ul className="nhsuk-list app-items" aria-label="Members">
        {list.items.map((member) => (
          <li key={member.user.id}>
            <Link to={`/people/${member.user.handle}`}>{member.user.displayName}</Link>
            {member.role === 'lead' && <strong> (lead)</strong>}
            <br />
            <span className="app-meta">
              {member.user.jobTitle}, {member.user.organisation}
            </span>
          </li>
        ))}
      </ul>
      <ShowMore list={list} what="members" />
    </>
  );
}
