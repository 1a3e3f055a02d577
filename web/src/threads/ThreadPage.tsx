import { BackLink } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';

import { api } from '../api/client';
import type { Problem, Reply, ThreadDetail } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/use-session';
import { useCollaborativeNames } from '../collaboratives/collaborative-names';
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

type RepliesAnswer = { data?: { items: Reply[]; nextCursor: string | null }; error?: Problem };

export function ThreadPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  // Opening a thread takes one request: the first load brings the first page of replies with
  // it, and the replies list takes that page instead of asking its own route. Later loads (a
  // reload after an answer is accepted, "show more") ask for what they need alone.
  const opening = useRef<{ id: string; replies: Promise<RepliesAnswer>; taken: boolean } | null>(null);
  const [loaded, reloadThread] = useLoad(() => {
    if (opening.current?.id === id) return api.GET('/api/threads/{id}', { params: { path: { id } } });
    const answer = api.GET('/api/threads/{id}', { params: { path: { id }, query: { include: 'replies' } } });
    opening.current = { id, replies: answer.then(({ data, error }) => ({ data: data?.replies, error })), taken: false };
    return answer;
  }, id);
  const [thread, setThreadState] = useState<ThreadDetail | null>(null);
  useEffect(() => {
    if (loaded.status === 'loaded') setThreadState(loaded.data);
  }, [loaded]);
  const replies = useCursorList<Reply>((cursor) => {
    const first = opening.current;
    const route = () => api.GET('/api/threads/{id}/replies', { params: { path: { id }, query: { cursor } } });
    if (!cursor && first?.id === id && !first.taken) {
      first.taken = true;
      // An API that does not know `include` yet (an older instance mid-deploy) answers the
      // thread alone: then the replies come from their own route after all.
      return first.replies.then((answer) => (answer.data || answer.error ? answer : route()));
    }
    return route();
  }, id);
  const setThread = (change: (current: ThreadDetail) => ThreadDetail) =>
    setThreadState((current) => (current ? change(current) : current));
  useThreadLive(id, { replies, setThread, reloadThread });
  usePageTitle(thread ? thread.title : 'Thread');
  const collaborative = useCollaborativeNames().get(thread?.collaborativeId ?? '');

  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  if (!thread || !user) return <p role="status">Loading…</p>;
  return (
    <>
      <BackLink
        asElement={Link}
        to={`/collaboratives/${thread.collaborativeId}`}
        href={`/collaboratives/${thread.collaborativeId}`}
      >
        Back to {collaborative?.name ?? 'the collaborative'}
      </BackLink>
      {collaborative && (
        <p className="nhsuk-caption-m nhsuk-u-margin-bottom-2" data-testid="thread-collaborative">
          In <Link to={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</Link>
        </p>
      )}
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
