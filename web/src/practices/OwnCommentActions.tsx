import { Button } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { Comment } from '../api/types';
import { ConfirmButton } from '../layout/ConfirmButton';
import { formatDateTime } from '../layout/format';

/** The Edit button's id, for focus to return to once the edit is saved or cancelled. */
export const editButtonId = (commentId: string) => `edit-comment-${commentId}`;

interface Props {
  comment: Comment;
  onEdit(): void;
  onDeleted(comment: Comment): void;
}

/**
 * Edit or delete your own comment (someone who wrote identifying details must be able to take
 * them back); deleting asks once more. Screen readers hear which comment, by when it was posted.
 */
export function OwnCommentActions({ comment, onEdit, onDeleted }: Props) {
  const which = ` your comment of ${formatDateTime(comment.createdAt)}`;
  return (
    <div className="app-actions nhsuk-u-margin-bottom-2">
      <Button type="button" id={editButtonId(comment.id)} secondary small onClick={onEdit}>
        Edit<span className="nhsuk-u-visually-hidden">{which}</span>
      </Button>
      <ConfirmButton
        label={
          <>
            Delete<span className="nhsuk-u-visually-hidden">{which}</span>
          </>
        }
        confirmLabel={
          <>
            Yes, delete<span className="nhsuk-u-visually-hidden">{which}</span>
          </>
        }
        act={() => api.DELETE('/api/comments/{id}', { params: { path: { id: comment.id } } })}
        onDone={() =>
          onDeleted({ ...comment, deletedAt: new Date().toISOString(), body: '', bodyHtml: '', author: null })
        }
      />
    </div>
  );
}
