import { Button } from 'nhsuk-react-components';
import { Link, useNavigate } from 'react-router';

import { api } from '../api/client';
import type { ThreadDetail } from '../api/types';
import { ConfirmButton } from '../layout/ConfirmButton';

/** Edit or delete the question, for its author (moderators delete with a reason, from the review queue). */
export function OwnThreadActions({ thread }: { thread: ThreadDetail }) {
  const navigate = useNavigate();
  if (thread.deletedAt || (!thread.viewer.canEdit && !thread.viewer.canDelete)) return null;
  const what = thread.kind === 'discussion' ? 'discussion' : 'question';
  return (
    <div className="app-actions nhsuk-u-margin-bottom-4">
      {thread.viewer.canEdit && (
        <Button asElement={Link} to={`/threads/${thread.id}/edit`} href={`/threads/${thread.id}/edit`} secondary small>
          Edit {what}
        </Button>
      )}
      {thread.viewer.canDelete && (
        <ConfirmButton
          label={`Delete ${what}`}
          confirmLabel={`Yes, delete this ${what}`}
          act={() => api.DELETE('/api/threads/{id}', { params: { path: { id: thread.id } } })}
          onDone={() =>
            navigate(`/collaboratives/${thread.collaborativeId}`, { state: { flash: `The ${what} was deleted` } })
          }
        />
      )}
    </div>
  );
}
