import { Button, TextInput } from 'nhsuk-react-components';
import { useRef } from 'react';

import { api } from '../api/client';
import type { ThreadDetail } from '../api/types';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { MergeThreadForm } from '../moderation/MergeThreadForm';
import { MoveThreadForm } from '../moderation/MoveThreadForm';

const FIELDS: FieldSpecs = { reason: { label: 'Reason', whenEmpty: 'Enter the reason for this action' } };

type Action = 'pin' | 'unpin' | 'lock' | 'unlock';

/**
 * For leads and moderators: pin the thread to the top of its collaborative, or lock it against
 * replies. Every moderation action needs a reason, which the audit log keeps and the author is sent.
 */
export function ThreadModeration({ thread, onChanged }: { thread: ThreadDetail; onChanged(): void }) {
  const action = useRef<Action>('pin');
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const request = { params: { path: { id: thread.id } }, body: { reason: text(form, 'reason') } };
    const paths = {
      pin: '/api/threads/{id}/pin',
      unpin: '/api/threads/{id}/unpin',
      lock: '/api/threads/{id}/lock',
      unlock: '/api/threads/{id}/unlock',
    } as const;
    const { error } = await api.POST(paths[action.current], request);
    if (error) return errorsFromProblem(error, FIELDS);
    onChanged();
  });
  if (!thread.viewer.canModerate || thread.deletedAt) return null;
  const press = (next: Action) => () => (action.current = next);
  return (
    <section aria-labelledby="moderation-heading" className="nhsuk-u-margin-bottom-4">
      <h2 id="moderation-heading" className="nhsuk-heading-s">
        Moderate this thread
      </h2>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="reason"
          name="reason"
          label="Reason"
          hint="Kept in the audit log and sent to the author"
          maxLength={500}
          error={errorFor('reason')}
        />
        <div className="app-actions">
          <Button type="submit" secondary small disabled={busy} onClick={press(thread.isPinned ? 'unpin' : 'pin')}>
            {thread.isPinned ? 'Unpin thread' : 'Pin thread'}
          </Button>
          <Button type="submit" secondary small disabled={busy} onClick={press(thread.isLocked ? 'unlock' : 'lock')}>
            {thread.isLocked ? 'Unlock thread' : 'Lock thread'}
          </Button>
        </div>
      </form>
      <MoveThreadForm thread={thread} onMoved={onChanged} />
      <MergeThreadForm thread={thread} />
    </section>
  );
}
