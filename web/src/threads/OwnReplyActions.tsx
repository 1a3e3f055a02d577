import { Button } from 'nhsuk-react-components';
import { useState } from 'react';

import { api } from '../api/client';
import type { Reply } from '../api/types';
import { useAction } from '../api/use-action';

/** The Edit button's id, for focus to return to once the edit is saved or cancelled. */
export const editReplyButtonId = (replyId: string) => `edit-reply-${replyId}`;

interface Props {
  reply: Reply;
  onEdit(): void;
  onDeleted(reply: Reply): void;
}

/** Edit or delete your own reply; deleting asks once more before it happens. */
export function OwnReplyActions({ reply, onEdit, onDeleted }: Props) {
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, run } = useAction();
  const which = <span className="nhsuk-u-visually-hidden"> reply {reply.position}</span>;
  return (
    <>
      <Button type="button" id={editReplyButtonId(reply.id)} secondary small onClick={onEdit}>
        Edit{which}
      </Button>
      {confirming ? (
        <Button
          type="button"
          warning
          small
          disabled={busy}
          onClick={() =>
            void run(
              () => api.DELETE('/api/replies/{id}', { params: { path: { id: reply.id } } }),
              () => onDeleted({ ...reply, deletedAt: new Date().toISOString(), bodyHtml: '', author: null }),
            )
          }
        >
          Yes, delete{which}
        </Button>
      ) : (
        <Button type="button" secondary small onClick={() => setConfirming(true)}>
          Delete{which}
        </Button>
      )}
      {problem && <span className="nhsuk-error-message nhsuk-u-margin-bottom-0">{problem}</span>}
    </>
  );
}
