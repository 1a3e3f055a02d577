import { BackLink } from 'nhsuk-react-components';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';

import { api } from '../api/client';
import type { Reply, ThreadDetail } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/use-session';
import { FlashBanner } from '../layout/FlashBanner';
import { LoadProblem } from '../layout/LoadProblem';
import { usePageTitle } from '../layout/use-page-title';
import { ReportForm } from '../moderation/ReportForm';
import { OwnThreadActions } from './OwnThreadActions';
import { RepliesSection } from './RepliesSection';
import { ThreadActions } from './ThreadActions';
import { ThreadModeration } from './ThreadModeration';
import { ThreadQuestion } from './ThreadQuestion';
import { useThreadLive } from './use-thread-live';

export function ThreadPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const [loaded, reloadThread] = useLoad(() => api.GET('/api/threads/{id}', { params: { path: { id } } }), id);
  const [thread, setThreadState] = useState<ThreadDetail | null>(null);
  useEffect(() => {
    if (loaded.status === 'loaded') setThreadState(loaded.data);
  }, [loaded]);
  const replies = useCursorList<Reply>(
    (cursor) => api.GET('/api/threads/{id}/replies', { params: { path: { id }, query: { cursor } } }),
    id,
  );
  const setThread = (change: (current: ThreadDetail) => ThreadDetail) =>
    setThreadState((current) => (current ? change(current) : current));
  useThreadLive(id, { replies, setThread, reloadThread });
  usePageTitle(thread ? thread.title : 'Thread');

  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  if (!thread || !user) return <p role="status">Loading…</p>;
  return (
    <>
      <BackLink
        asElement={Link}
        to={`/collaboratives/${thread.collaborativeId}`}
        href={`/collaboratives/${thread.collaborativeId}`}
      >
        Back to the collaborative
      </BackLink>
      <FlashBanner />
      <ThreadQuestion thread={thread} />
      <ThreadActions
        thread={thread}
        meId={user.id}
        onChanged={(change) => setThread((current) => ({ ...current, ...change }))}
      />
      <OwnThreadActions thread={thread} />
      {!thread.deletedAt && thread.author && thread.author.id !== user.id && !(thread.hidden && thread.body === '') && (
        <ReportForm targetType="thread" targetId={thread.id} name="this question" />
      )}
      <ThreadModeration thread={thread} onChanged={reloadThread} />
      <RepliesSection thread={thread} replies={replies} meId={user.id} onAccepted={reloadThread} />
    </>
  );
}
