import { useSearchParams } from 'react-router';

import { api } from '../api/client';
import type { Collaborative, CollaborativeType, Sector } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { usePageTitle } from '../layout/use-page-title';
import { CollaborativeItem } from './CollaborativeItem';
import { DirectoryFilters } from './DirectoryFilters';

export function CollaborativesPage() {
  usePageTitle('Collaboratives');
  const [params] = useSearchParams();
  const query = {
    q: params.get('q') || undefined,
    type: (params.get('type') || undefined) as CollaborativeType | undefined,
    sector: (params.get('sector') || undefined) as Sector | undefined,
    region: params.get('region') || undefined,
  };
  const list = useCursorList<Collaborative>(
    (cursor) => api.GET('/api/collaboratives', { params: { query: { ...query, cursor } } }),
    params.toString(),
  );
  return (
    <>
      <h1>Collaboratives</h1>
      <p className="nhsuk-lede-text">
        Provider collaboratives on the forum. Follow one to see its questions in your feed; ask to join one that is for
        members only.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <DirectoryFilters />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
          {list.status === 'loading' && <p role="status">Loading collaboratives…</p>}
          {list.status === 'loaded' && (
            <p role="status" className="app-meta">
              {list.items.length === 0
                ? 'No collaboratives match. Try fewer filters.'
                : `Showing ${list.items.length}${list.hasMore ? ' so far' : ''}`}
            </p>
          )}
          <ul className="nhsuk-list app-items" aria-label="Collaboratives">
            {list.items.map((collaborative) => (
              <CollaborativeItem key={collaborative.id} collaborative={collaborative} />
            ))}
          </ul>
          <ShowMore list={list} what="collaboratives" />
        </div>
      </div>
    </>
  );
}
