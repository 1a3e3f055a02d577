import { useState } from 'react';
import { Link } from 'react-router';

import { api } from '../api/client';
import type { QueueItem } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { ShowMore } from '../layout/ShowMore';
import { Success } from '../layout/Success';
import { usePageTitle } from '../layout/use-page-title';
import { RESOLVED_MESSAGES } from './labels';
import { ModerationProblem } from './ModerationProblem';
import { QueueItemView } from './QueueItemView';

/** Open reports grouped by item, oldest first, for site moderators and leads (their collaboratives). */
export function ModerationQueuePage() {
  usePageTitle('Moderation queue');
  const queue = useCursorList<QueueItem>(
    (cursor) => api.GET('/api/moderation/queue', { params: { query: { cursor } } }),
    'queue',
  );
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Success message={done} />
      <h1>Moderation queue</h1>
      <p>
        Reported content, oldest first. A decision applies to every open report on the item.{' '}
        <Link to="/moderation/audit-log">See the audit log</Link>
      </p>
      {queue.status === 'loading' && <p role="status">Loading…</p>}
      {queue.status === 'failed' && queue.problem && <ModerationProblem problem={queue.problem} />}
      {queue.status === 'loaded' && queue.items.length === 0 && <p>No reports are waiting for a decision.</p>}
      {queue.items.map((item) => (
        <QueueItemView
          key={`${item.targetType}:${item.targetId}`}
          item={item}
          onResolved={(resolved, action) => {
            queue.update((items) => items.filter((shown) => shown.targetId !== resolved.targetId));
            setDone(RESOLVED_MESSAGES[action]);
            window.scrollTo(0, 0);
          }}
        />
      ))}
      <ShowMore list={queue} what="reported items" />
    </>
  );
}
