import { Button } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { ThreadDetail } from '../api/types';
import { useAction } from '../api/use-action';
import { VoteButton } from './VoteButton';

interface Props {
  thread: ThreadDetail;
  meId: string;
  onChanged(change: Partial<ThreadDetail>): void;
}

/** Vote for the question and follow the thread. */
export function ThreadActions({ thread, meId, onChanged }: Props) {
  const follow = useAction();
  const following = thread.viewer.followsThread;
  const path = { params: { path: { id: thread.id } } };
  if (thread.deletedAt) return null;
  return (
    <div className="app-actions nhsuk-u-margin-bottom-4">
      <VoteButton
        target="thread"
        id={thread.id}
        voted={thread.viewer.voted}
        voteCount={thread.voteCount}
        own={thread.author?.id === meId}
        onVoted={({ voted, voteCount }) => onChanged({ voteCount, viewer: { ...thread.viewer, voted } })}
      />
      <Button
        type="button"
        secondary
        small
        aria-pressed={following}
        disabled={follow.busy}
        onClick={() =>
          void follow.run(
            () =>
              following ? api.DELETE('/api/threads/{id}/follow', path) : api.PUT('/api/threads/{id}/follow', path),
            () => onChanged({ viewer: { ...thread.viewer, followsThread: !following } }),
          )
        }
      >
        {following ? 'Following this thread' : 'Follow this thread'}
      </Button>
      {follow.problem && <span className="nhsuk-error-message nhsuk-u-margin-bottom-0">{follow.problem}</span>}
    </div>
  );
}
