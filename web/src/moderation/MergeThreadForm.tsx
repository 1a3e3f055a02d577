import { Button, Details, TextInput } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';

import { api } from '../api/client';
import type { ThreadDetail } from '../api/types';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs, withFieldIds } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useDisclosure } from '../forms/use-disclosure';
import { text, useFormSubmit } from '../forms/use-form-submit';

const FIELDS: FieldSpecs = {
  mergeInto: { label: 'Thread to merge into', whenEmpty: 'Enter the address of the thread to merge into' },
  mergeReason: { label: 'Why merge it', whenEmpty: 'Enter the reason for merging it' },
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Merge a duplicate into another thread: the moderator pastes that thread's address (or its ID),
 * and lands on it afterwards; this one then points there.
 */
export function MergeThreadForm({ thread }: { thread: ThreadDetail }) {
  const navigate = useNavigate();
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const intoThreadId = text(form, 'mergeInto').match(UUID)?.[0]?.toLowerCase();
    if (!intoThreadId)
      return [
        { field: 'mergeInto', message: 'Enter a thread address like /threads/3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' },
      ];
    if (intoThreadId === thread.id)
      return [{ field: 'mergeInto', message: 'Enter a different thread: a thread cannot be merged into itself' }];
    const { data, error } = await api.POST('/api/threads/{id}/merge', {
      params: { path: { id: thread.id } },
      body: { intoThreadId, reason: text(form, 'mergeReason') },
    });
    if (error)
      return errorsFromProblem(withFieldIds(error, { intoThreadId: 'mergeInto', reason: 'mergeReason' }), FIELDS, {
        403: 'mergeInto',
        404: 'mergeInto',
        409: 'mergeInto',
      });
    navigate(`/threads/${data.id}`, { state: { flash: 'The duplicate thread was merged into this one' } });
  });
  const disclosure = useDisclosure(errors);
  return (
    <Details {...disclosure}>
      <Details.Summary>Merge into another thread</Details.Summary>
      <Details.Text>
        <FormErrorSummary errors={errors} attempt={attempt} />
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="mergeInto"
            name="mergeInto"
            label="Thread to merge into"
            hint="Paste its address, for example /threads/3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b. Its replies follow this one's"
            spellCheck={false}
            autoComplete="off"
            error={errorFor('mergeInto')}
          />
          <TextInput
            id="mergeReason"
            name="mergeReason"
            label="Why merge it?"
            hint="Kept in the audit log and sent to the author"
            maxLength={500}
            error={errorFor('mergeReason')}
          />
          <Button type="submit" secondary small disabled={busy}>
            Merge thread
          </Button>
        </form>
      </Details.Text>
    </Details>
  );
}
