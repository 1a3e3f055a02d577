import { Button } from 'nhsuk-react-components';
import { useEffect, useState } from 'react';

import type { Problem } from '../api/types';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs, withFieldIds } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useFormSubmit } from '../forms/use-form-submit';
import { MarkdownEditor } from './MarkdownEditor';

interface Props<T> {
  /** The post's id: the field is `edit-<id>`, so each post on a page has its own. */
  postId: string;
  /** What the post is called in the error messages ("reply", "comment"). */
  noun: string;
  label: string;
  body: string;
  rows: number;
  /** Statuses whose problem belongs on the field rather than the summary alone (409 for a deleted comment). */
  fieldFor?: Partial<Record<number, string>>;
  save(body: string): Promise<{ data?: T; error?: Problem }>;
  onSaved(saved: T): void;
  onCancel(): void;
}

/** Your own reply or comment, edited in place; the API keeps the earlier version. */
export function PostBodyEditor<T>({
  postId,
  noun,
  label,
  body: initial,
  rows,
  fieldFor,
  save,
  onSaved,
  onCancel,
}: Props<T>) {
  const id = `edit-${postId}`;
  const fields: FieldSpecs = { [id]: { label: `Your ${noun}`, whenEmpty: `Enter your ${noun}` } };
  const [body, setBody] = useState(initial);
  // The Edit button that was pressed is gone: the post's words, where the typing goes, take focus.
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, fields);
    if (empty.length > 0) return empty;
    const { data, error } = await save(body.trim());
    if (error) return errorsFromProblem(withFieldIds(error, { body: id }), fields, fieldFor);
    onSaved(data as T);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <MarkdownEditor id={id} label={label} value={body} onChange={setBody} error={errorFor(id)} rows={rows} />
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
