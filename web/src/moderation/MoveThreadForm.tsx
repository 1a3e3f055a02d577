import { Button, Details, Select, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';

import { api } from '../api/client';
import type { ThreadDetail } from '../api/types';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs, withFieldIds } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useDisclosure } from '../forms/use-disclosure';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { useCollaborativeOptions } from '../practices/use-collaborative-options';
import { useModerationAccess } from './use-moderation-access';

const FIELDS: FieldSpecs = {
  moveTo: { label: 'Collaborative', whenEmpty: 'Select the collaborative to move it to' },
  moveReason: { label: 'Why move it', whenEmpty: 'Enter the reason for moving it' },
};

/** Where this moderator may move a thread: anywhere for site staff, otherwise the collaboratives they lead. */
function useDestinations(currentId: string) {
  const access = useModerationAccess();
  const all = useCollaborativeOptions();
  return (access.siteWide ? all : access.leads).filter((option) => option.id !== currentId);
}

/** Move a thread to another collaborative (the API requires the right to moderate both). */
export function MoveThreadForm({ thread, onMoved }: { thread: ThreadDetail; onMoved(): void }) {
  const destinations = useDestinations(thread.collaborativeId);
  const [moved, setMoved] = useState<string | null>(null);
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { error } = await api.POST('/api/threads/{id}/move', {
      params: { path: { id: thread.id } },
      body: { collaborativeId: text(form, 'moveTo'), reason: text(form, 'moveReason') },
    });
    if (error)
      return errorsFromProblem(withFieldIds(error, { collaborativeId: 'moveTo', reason: 'moveReason' }), FIELDS, {
        403: 'moveTo',
        404: 'moveTo',
      });
    setMoved(destinations.find((option) => option.id === text(form, 'moveTo'))?.name ?? 'the collaborative you chose');
    onMoved();
  });
  const disclosure = useDisclosure(errors);
  return (
    <Details {...disclosure}>
      <Details.Summary>Move to another collaborative</Details.Summary>
      <Details.Text>
        <FormErrorSummary errors={errors} attempt={attempt} />
        {moved && (
          <p role="status" className="nhsuk-u-font-weight-bold">
            Moved to {moved}
          </p>
        )}
        <form onSubmit={onSubmit} noValidate>
          <Select
            id="moveTo"
            name="moveTo"
            label="Collaborative"
            hint="Only collaboratives you moderate are listed"
            defaultValue=""
            error={errorFor('moveTo')}
          >
            <Select.Option value="">Select a collaborative</Select.Option>
            {destinations.map((option) => (
              <Select.Option key={option.id} value={option.id}>
                {option.name}
              </Select.Option>
            ))}
          </Select>
          <TextInput
            id="moveReason"
            name="moveReason"
            label="Why move it?"
            hint="Kept in the audit log and sent to the author"
            maxLength={500}
            error={errorFor('moveReason')}
          />
          <Button type="submit" secondary small disabled={busy}>
            Move thread
          </Button>
        </form>
      </Details.Text>
    </Details>
  );
}
