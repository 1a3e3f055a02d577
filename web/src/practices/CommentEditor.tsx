import { api } from '../api/client';
import type { Comment } from '../api/types';
import { PostBodyEditor } from '../markdown/PostBodyEditor';

interface Props {
  comment: Comment;
  onSaved(comment: Comment): void;
  onCancel(): void;
}

/** Your own comment, edited in place; a comment deleted meanwhile answers 409 on the field. */
export function CommentEditor({ comment, onSaved, onCancel }: Props) {
  const id = `edit-${comment.id}`;
  return (
    <PostBodyEditor
      postId={comment.id}
      noun="comment"
      label="Edit your comment"
      body={comment.body}
      rows={4}
      fieldFor={{ 409: id }}
      save={(body) => api.PATCH('/api/comments/{id}', { params: { path: { id: comment.id } }, body: { body } })}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
