import { Button, Card } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';

import { api } from '../api/client';
import type { PracticeSummary, Sector, Theme } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { FlashBanner } from '../layout/FlashBanner';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { usePageTitle } from '../layout/use-page-title';
import { LibraryFilters } from './LibraryFilters';
import { PracticeCard } from './PracticeCard';

type Sort = 'newest' | 'endorsed' | 'discussed';

export function PracticesPage({ drafts = false }: { drafts?: boolean }) {
  const title = drafts ? 'Your draft case studies' : 'Best practice';
  usePageTitle(title);
  const [params] = useSearchParams();
  const query = drafts
    ? { status: 'draft' as const }
    : {
        q: params.get('q') || undefined,
        theme: (params.get('theme') || undefined) as Theme | undefined,
        sector: (params.get('sector') || undefined) as Sector | undefined,
        collaborativeId: params.get('collaborativeId') || undefined,
        sort: (params.get('sort') || undefined) as Sort | undefined,
      };
  const list = useCursorList<PracticeSummary>(
    (cursor) => api.GET('/api/practices', { params: { query: { ...query, cursor } } }),
    `${drafts}:${params.toString()}`,
  );
  return (
    <>
      <FlashBanner />
      <h1>{title}</h1>
      <p className="nhsuk-lede-text">
        {drafts
          ? 'Only you and your co-authors can see a draft until it is published.'
          : 'Case studies from trusts, with the outcomes they measured before and after.'}
      </p>
      <div className="app-actions nhsuk-u-margin-bottom-4">
        <Button asElement={Link} to="/practices/new" href="/practices/new">
          Share a practice
        </Button>
        {drafts ? <Link to="/practices">All case studies</Link> : <Link to="/practices/drafts">Your drafts</Link>}
      </div>
      <div className="nhsuk-grid-row">
        {!drafts && (
          <div className="nhsuk-grid-column-one-third">
            <LibraryFilters />
          </div>
        )}
        <div className={drafts ? 'nhsuk-grid-column-full' : 'nhsuk-grid-column-two-thirds'}>
          {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
          {list.status === 'loading' && <p role="status">Loading case studies…</p>}
          {list.status === 'loaded' && list.items.length === 0 && (
            <p role="status">{drafts ? 'You have no drafts.' : 'No case studies match. Try fewer filters.'}</p>
          )}
          <Card.Group>
            {list.items.map((practice) => (
              <Card.GroupItem key={practice.id} width="full">
                <PracticeCard practice={practice} />
              </Card.GroupItem>
            ))}
          </Card.Group>
          <ShowMore list={list} what="case studies" />
        </div>
      </div>
    </>
  );
}
