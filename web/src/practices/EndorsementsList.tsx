import { api } from '../api/client';
import type { Endorsement } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { ShowMore } from '../layout/ShowMore';

/** Who endorsed a case study, from which organisation, and what they said. */
export function EndorsementsList({ practiceId, version }: { practiceId: string; version: number }) {
  const list = useCursorList<Endorsement>(
    (cursor) =>
      api.GET('/api/practices/{id}/endorsements', { params: { path: { id: practiceId }, query: { cursor } } }),
    `${practiceId}:${version}`,
  );
  if (list.items.length === 0) return null;
  return (
    <>
      <ul className="nhsuk-list app-items" aria-label="Endorsements">
        {list.items.map((endorsement) => (
          <li key={endorsement.user.id}>
            <strong>{endorsement.user.displayName}</strong>, {endorsement.organisation}
            {endorsement.note && <p className="nhsuk-u-margin-bottom-0">“{endorsement.note}”</p>}
          </li>
        ))}
      </ul>
      <ShowMore list={list} what="endorsements" />
    </>
  );
}
