import { Button } from 'nhsuk-react-components';
import { api } from '../api/client';
import type { ThreadDetail } from '../api/types';
import { useAction } from '../api/use-action';

/** For leads and moderators: pin the thread to the top of its collaborative, or lock it against replies. */
export function ThreadModeration({ thread, onChanged }: { thread: ThreadDetail; onChanged(): void }) {
  const { busy, problem, run } = useAction();
  if (!thread.viewer.canModerate || thread.deletedAt) return null;
  const path = { params: { path: { id: thread.id } } };
  return (
    <div className="app-actions nhsuk-u-margin-bottom-4" role="group" aria-label="Moderation">
      <Button
        type="button"
        secondary
        small
        disabled={busy}
        onClick={() => void run(() => (thread.isPinned ? api.DELETE('/api/threads/{id}/pin', path) : api.PUT('/api/threads/{id}/pin', path)), onChanged)}
      >
        {thread.isPinned ? 'Unpin thread' : 'Pin thread'}
      </Button>
      <Button
        type="button"
        secondary
        small
        disabled={busy}
        onClick={() => void run(() => (thread.isLocked ? api.DELETE('/api/threads/{id}/lock', path) : api.PUT('/api/threads/{id}/lock', path)), onChanged)}
      >
        {thread.isLocked ? 'Unlock thread' : 'Lock thread'}
      </Button>
      {problem && <span className="nhsuk-error-message nhsuk-u-margin-bottom-0">{problem}</span>}
    </div>
  );
}
