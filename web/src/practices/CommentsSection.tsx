import { Button } from 'nhsuk-react-components';
import { useState } from 'react';

import { api } from '../api/client';
import type { Comment } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useFormSubmit } from '../forms/use-form-submit';
import { ShowMore } from '../layout/ShowMore';
import { useLiveEvents } from '../live/use-live';
import { MarkdownEditor } from '../markdown/MarkdownEditor';
import { CommentView } from './CommentView';

const FIELDS: FieldSpecs = { comment: { label: 'Your comment', whenEmpty: 'Enter your comment' } };

/** Comments on a case study, oldest first, new ones live, and the form to add one. */
export function CommentsSection({
  practiceId,
  canComment,
  canModerate,
  meId,
}: {
  practiceId: string;
  canComment: boolean;
  canModerate: boolean;
  meId: string;
}) {
  const list = useCursorList<Comment>(
    (cursor) => api.GET('/api/practices/{id}/comments', { params: { path: { id: practiceId }, query: { cursor } } }),
    practiceId,
  );
  const [body, setBody] = useState('');
  const add = (comment: Comment) => {
    if (!list.hasMore)
      list.update((items) =>
        items.some((item) => item.id === comment.id)
          ? items.map((item) => (item.id === comment.id ? comment : item))
          : [...items, comment],
      );
  };
  useLiveEvents(
    ['comment.created', 'comment.updated', 'comment.deleted', 'comment.hidden', 'comment.restored'],
    (event) => {
      if (event.type === 'resync') return list.reload();
      if (event.practiceId !== practiceId) return;
      // Hidden or restored: the event carries the comment as readers see it, so ask again as this reader.
      if (event.type !== 'comment.created' && event.type !== 'comment.updated') return list.reload();
      // Deleted since it was stored: replayed as `{ id, deleted: true }`, and its `comment.deleted` follows.
      if ('deleted' in event.data) return;
      add(event.data);
    },
  );
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { data, error } = await api.POST('/api/practices/{id}/comments', {
      params: { path: { id: practiceId } },
      body: { body: body.trim() },
    });
    if (error)
      return errorsFromProblem(
        { ...error, errors: error.errors?.map((e) => ({ ...e, field: e.field === 'body' ? 'comment' : e.field })) },
        FIELDS,
      );
    setBody('');
    add(data);
  });
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {list.status === 'loaded' && list.items.length === 0 && <p>No comments yet.</p>}
      <ul className="nhsuk-list app-items" aria-label="Comments" aria-live="polite">
        {list.items.map((comment) => (
          <li key={comment.id}>
            <CommentView
              comment={comment}
              meId={meId}
              canModerate={canModerate}
              onChanged={(changed) =>
                list.update((items) => items.map((item) => (item.id === changed.id ? changed : item)))
              }
            />
          </li>
        ))}
      </ul>
      <ShowMore list={list} what="comments" />
      {canComment && (
        <form onSubmit={onSubmit} noValidate>
          <FormErrorSummary errors={errors} attempt={attempt} />
          <MarkdownEditor
            id="comment"
            label="Your comment"
            value={body}
            onChange={setBody}
            error={errorFor('comment')}
            rows={4}
          />
          <Button type="submit" disabled={busy}>
            Post comment
          </Button>
        </form>
      )}
    </section>
  );
}
