import { api } from '../api/client';
import type { Reply } from '../api/types';
import { PostBodyEditor } from '../markdown/PostBodyEditor';

interface Props {
  reply: Reply;
  onSaved(reply: Reply): void;
  onCancel(): void;
}

/** Your own reply, edited in place; the caller's vote is kept, as the answer does not carry it. */
export function ReplyEditor({ reply, onSaved, onCancel }: Props) {
  return (
    <PostBodyEditor
      postId={reply.id}
      noun="reply"
      label={`Edit reply ${reply.position}`}
      body={reply.body}
      rows={5}
      save={(body) => api.PATCH('/api/replies/{id}', { params: { path: { id: reply.id } }, body: { body } })}
      onSaved={(saved) => onSaved({ ...reply, ...saved, voted: reply.voted })}
      onCancel={onCancel}
    />
  );
}
