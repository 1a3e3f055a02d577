import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { api } from '../api/client';
import type { ThreadSummary } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { useCollaborativeNames } from '../collaboratives/collaborative-names';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { useLiveEvents } from '../live/use-live';
import { ThreadItem } from '../threads/ThreadItem';

/**
 * Threads of every collaborative you follow, latest activity first. The socket is in each
 * followed collaborative's room, so new questions and replies are counted as they happen.
 */
export function HomeFeed() {
  const list = useCursorList<ThreadSummary>(
    (cursor) => api.GET('/api/threads', { params: { query: { cursor } } }),
    'feed',
  );
  const names = useCollaborativeNames();
  const [fresh, setFresh] = useState(0);
  useLiveEvents(['thread.created', 'reply.created', 'practice.published'], (event) => {
    if (event.type === 'resync') return list.reload();
    // Replayed after its deletion: `{ id, deleted: true }`, nothing new to read.
    if ('deleted' in event.data) return;
    setFresh((count) => count + 1);
  });
  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">From the collaboratives you follow</h2>
      <div role="status">
        {fresh > 0 && (
          <div className="nhsuk-inset-text app-actions">
            <span>
              {fresh} new post{fresh === 1 ? '' : 's'}
            </span>
            <Button
              type="button"
              secondary
              small
              onClick={() => {
                setFresh(0);
                list.reload();
              }}
            >
              Show<span className="nhsuk-u-visually-hidden"> the new posts</span>
            </Button>
          </div>
        )}
      </div>
      {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
      {list.status === 'loading' && <p role="status">Loading your feed…</p>}
      {list.status === 'loaded' && list.items.length === 0 && (
        <p>
          Nothing yet. <Link to="/collaboratives">Follow a collaborative</Link> to see its questions here.
        </p>
      )}
      <ul className="nhsuk-list app-items" aria-labelledby="feed-heading">
        {list.items.map((thread) => (
          <ThreadItem key={thread.id} thread={thread} collaborative={names.get(thread.collaborativeId)} />
        ))}
      </ul>
      <ShowMore list={list} what="threads" />
    </section>
  );
}
