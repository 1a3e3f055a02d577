import { Button } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { Reply } from '../api/types';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useFormSubmit } from '../forms/use-form-submit';
import { MarkdownEditor } from '../markdown/MarkdownEditor';

const FIELDS: FieldSpecs = { replyBody: { label: 'Your reply', whenEmpty: 'Enter your reply' } };

interface Props {
  threadId: string;
  body: string;
  onBodyChange(body: string): void;
  quoted: Reply | null;
  onClearQuote(): void;
  onPosted(reply: Reply): void;
}

/** Write a reply, optionally quoting an earlier one. */
export function ReplyForm({ threadId, body, onBodyChange, quoted, onClearQuote, onPosted }: Props) {
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { data, error } = await api.POST('/api/threads/{id}/replies', {
      params: { path: { id: threadId } },
      body: { body: body.trim(), quotedReplyId: quoted?.id },
    });
    if (error)
      return errorsFromProblem(
        { ...error, errors: error.errors?.map((e) => ({ ...e, field: e.field === 'body' ? 'replyBody' : e.field })) },
        FIELDS,
        { 409: 'replyBody' },
      );
    onPosted(data as Reply);
  });
  return (
    <section aria-labelledby="reply-heading">
      <h2 id="reply-heading">Reply to this thread</h2>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <form onSubmit={onSubmit} noValidate>
        {quoted && (
          <p className="nhsuk-inset-text">
            Quoting reply {quoted.position} by {quoted.author?.displayName ?? 'a deleted account'}.{' '}
            <Button type="button" secondary small onClick={onClearQuote}>
              Remove quote
            </Button>
          </p>
        )}
        <MarkdownEditor
          id="replyBody"
          label="Your reply"
          value={body}
          onChange={onBodyChange}
          error={errorFor('replyBody')}
          rows={6}
        />
        <Button type="submit" disabled={busy}>
          Post reply
        </Button>
      </form>
    </section>
  );
}
