import { Button } from 'nhsuk-react-components';
import { useEffect, useState } from 'react';

import { api } from '../api/client';
import type { Comment } from '../api/types';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useFormSubmit } from '../forms/use-form-submit';
import { MarkdownEditor } from '../markdown/MarkdownEditor';

interface Props {
  comment: Comment;
  onSaved(comment: Comment): void;
  onCancel(): void;
}

/** Your own comment, edited in place; the API keeps the earlier version. */
export function CommentEditor({ comment, onSaved, onCancel }: Props) {
  const id = `edit-${comment.id}`;
  const fields: FieldSpecs = { [id]: { label: 'Your comment', whenEmpty: 'Enter your comment' } };
  const [body, setBody] = useState(comment.body);
  // The Edit button that was pressed is gone: the comment's words, where the typing goes, take focus.
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, fields);
    if (empty.length > 0) return empty;
    const { data, error } = await api.PATCH('/api/comments/{id}', {
      params: { path: { id: comment.id } },
      body: { body: body.trim() },
    });
    if (error)
      return errorsFromProblem(
        { ...error, errors: error.errors?.map((e) => ({ ...e, field: e.field === 'body' ? id : e.field })) },
        fields,
        { 409: id },
      );
    onSaved(data);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <MarkdownEditor id={id} label="Edit your comment" value={body} onChange={setBody} error={errorFor(id)} rows={4} />
      <div className="app-actions nhsuk-u-margin-bottom-3">
        <Button type="submit" disabled={busy}>
          Save changes
        </Button>
        <Button type="button" secondary onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
