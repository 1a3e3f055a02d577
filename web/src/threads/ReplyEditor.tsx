import { Button } from 'nhsuk-react-components';
import { useEffect, useState } from 'react';

import { api } from '../api/client';
import type { Reply } from '../api/types';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useFormSubmit } from '../forms/use-form-submit';
import { MarkdownEditor } from '../markdown/MarkdownEditor';

interface Props {
  reply: Reply;
  onSaved(reply: Reply): void;
  onCancel(): void;
}

/** Your own reply, edited in place; the API keeps the earlier version. */
export function ReplyEditor({ reply, onSaved, onCancel }: Props) {
  const id = `edit-${reply.id}`;
  const fields: FieldSpecs = { [id]: { label: 'Your reply', whenEmpty: 'Enter your reply' } };
  const [body, setBody] = useState(reply.body);
  // The Edit button that was pressed is gone: the reply's words, where the typing goes, take focus.
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, fields);
    if (empty.length > 0) return empty;
    const { data, error } = await api.PATCH('/api/replies/{id}', {
      params: { path: { id: reply.id } },
      body: { body: body.trim() },
    });
    if (error)
      return errorsFromProblem(
        { ...error, errors: error.errors?.map((e) => ({ ...e, field: e.field === 'body' ? id : e.field })) },
        fields,
      );
    onSaved({ ...reply, ...data, voted: reply.voted });
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <MarkdownEditor
        id={id}
        label={`Edit reply ${reply.position}`}
        value={body}
        onChange={setBody}
        error={errorFor(id)}
        rows={5}
      />
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
