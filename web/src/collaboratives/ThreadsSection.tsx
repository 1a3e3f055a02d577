import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { api } from '../api/client';
import type { Collaborative, ThreadSummary } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { useLiveEvents, useLiveSubject } from '../live/use-live';
import { ThreadItem } from '../threads/ThreadItem';
import { NewThreadsBanner } from './NewThreadsBanner';

const SORTS = [
  { value: 'activity', text: 'Latest activity' },
  { value: 'new', text: 'Newest' },
  { value: 'top', text: 'Most votes' },
  { value: 'unanswered', text: 'Unanswered' },
] as const;

type Sort = (typeof SORTS)[number]['value'];

/** A collaborative's threads: sorts, a tag filter, and a banner for threads that arrive live. */
export function ThreadsSection({ collaborative }: { collaborative: Collaborative }) {
  const [params] = useSearchParams();
  const sort = (SORTS.find((option) => option.value === params.get('sort'))?.value ?? 'activity') as Sort;
  const tag = params.get('tag') ?? undefined;
  const list = useCursorList<ThreadSummary>(
    (cursor) =>
      api.GET('/api/collaboratives/{id}/threads', {
        params: { path: { id: collaborative.id }, query: { sort, tag, cursor } },
      }),
    `${collaborative.id}:${sort}:${tag ?? ''}`,
  );
  const [arrived, setArrived] = useState<string[]>([]);
  useLiveSubject({ collaborativeId: collaborative.id });
  useLiveEvents(['thread.created'], (event) => {
    if (event.type === 'resync') return list.reload();
    // Replayed after its deletion: `{ id, deleted: true }`, nothing to show.
    if ('deleted' in event.data) return;
    const thread = event.data;
    if (thread.collaborativeId !== collaborative.id || list.items.some((item) => item.id === thread.id)) return;
    setArrived((ids) => (ids.includes(thread.id) ? ids : [...ids, thread.id]));
  });

  const link = (next: { sort?: string; tag?: string | null }) => {
    const query = new URLSearchParams(params);
    if (next.sort) query.set('sort', next.sort);
    if (next.tag === null) query.delete('tag');
    else if (next.tag) query.set('tag', next.tag);
    return `?${query.toString()}`;
  };

  return (
    <section aria-labelledby="threads-heading">
      <h2 id="threads-heading">Threads</h2>
      <nav aria-label="Sort threads" className="nhsuk-u-margin-bottom-3">
        <ul className="nhsuk-list app-actions">
          {SORTS.map((option) => (
            <li key={option.value} className="nhsuk-u-margin-bottom-0">
              {option.value === sort ? (
                <strong aria-current="true">{option.text}</strong>
              ) : (
                <Link to={link({ sort: option.value })} replace>
                  {option.text}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {tag && (
        <p>
          Showing threads tagged <strong>{tag}</strong>. <Link to={link({ tag: null })}>Show all threads</Link>
        </p>
      )}
      <NewThreadsBanner
        count={arrived.length}
        onShow={() => {
          setArrived([]);
          list.reload();
        }}
      />
      {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
      {list.status === 'loading' && <p role="status">Loading threads…</p>}
      {list.status === 'loaded' && list.items.length === 0 && <p>No threads here yet.</p>}
      <ul className="nhsuk-list app-items" aria-labelledby="threads-heading">
        {list.items.map((thread) => (
          <ThreadItem key={thread.id} thread={thread} tagLink={(name) => link({ tag: name })} />
        ))}
      </ul>
      <ShowMore list={list} what="threads" />
    </section>
  );
}
