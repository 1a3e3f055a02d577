import { Button, Details, Textarea } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { Collaborative } from '../api/types';
import { errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { text, useFormSubmit } from '../forms/use-form-submit';

const FIELDS: FieldSpecs = { message: { label: 'Message to the leads' } };

interface Props {
  collaborative: Collaborative;
  onSent(message: string): void;
}

/** Ask the leads to join: shown to people who are not members and have not asked yet. */
export function JoinRequestForm({ collaborative, onSent }: Props) {
  const { viewer } = collaborative;
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const { error } = await api.POST('/api/collaboratives/{id}/join-requests', {
      params: { path: { id: collaborative.id } },
      body: { message: text(form, 'message') || undefined },
    });
    if (error) return errorsFromProblem(error, FIELDS);
    onSent('Your request to join has been sent to the leads');
  });
  if (viewer.membership || collaborative.archivedAt) return null;
  if (viewer.joinRequestPending)
    return <p className="nhsuk-inset-text">You have asked to join. The leads will decide, and you will be notified.</p>;
  return (
    <Details open={errors.length > 0}>
      <Details.Summary>Ask to join {collaborative.name}</Details.Summary>
      <Details.Text>
        <FormErrorSummary errors={errors} attempt={attempt} />
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id="message"
            name="message"
            label="Message to the leads (optional)"
            hint="Your role and why you would like to join"
            rows={3}
            maxLength={1000}
            error={errorFor('message')}
          />
          <Button type="submit" disabled={busy}>
            Send request to join
          </Button>
        </form>
      </Details.Text>
    </Details>
  );
}
