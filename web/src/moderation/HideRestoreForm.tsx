import { Button, Details, TextInput } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { Comment, PracticeDetail, Problem, Reply } from '../api/types';
import { errorsFromProblem, type FieldSpecs, withFieldIds } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useDisclosure } from '../forms/use-disclosure';
import { text, useFormSubmit } from '../forms/use-form-submit';

type Target =
  | { kind: 'reply'; onChanged(item: Reply): void }
  | { kind: 'comment'; onChanged(item: Comment): void }
  | { kind: 'practice'; onChanged(item: PracticeDetail): void };

type Props = Target & {
  id: string;
  hidden: boolean;
  /** "reply 3", "this comment": names the item for the button and screen readers. */
  name: string;
};

type Answer<T> = Promise<{ data?: T; error?: Problem }>;

function send(target: Target, id: string, hide: boolean, reason: string): Answer<unknown> {
  const request = { params: { path: { id } }, body: { reason } };
  if (target.kind === 'reply')
    return hide ? api.POST('/api/replies/{id}/hide', request) : api.POST('/api/replies/{id}/restore', request);
  if (target.kind === 'comment')
    return hide ? api.POST('/api/comments/{id}/hide', request) : api.POST('/api/comments/{id}/restore', request);
  return hide ? api.POST('/api/practices/{id}/hide', request) : api.POST('/api/practices/{id}/restore', request);
}

/**
 * For leads and moderators where the content is shown: hide it from readers, or restore it,
 * with the reason the API requires (kept in the audit log and sent to the author).
 */
export function HideRestoreForm(props: Props) {
  const { id, hidden, name } = props;
  const reasonId = `moderate-${id}-reason`;
  const fields: FieldSpecs = { [reasonId]: { label: 'Reason', whenEmpty: 'Enter the reason for this action' } };
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const reason = text(form, 'reason');
    if (!reason) return [{ field: reasonId, message: 'Enter the reason for this action' }];
    const { data, error } = await send(props, id, !hidden, reason);
    if (error) return errorsFromProblem(withFieldIds(error, { reason: reasonId }), fields);
    (props.onChanged as (item: unknown) => void)(data);
  });
  const disclosure = useDisclosure(errors);
  return (
    <Details className="app-moderate" {...disclosure}>
      <Details.Summary>
        Moderate<span className="nhsuk-u-visually-hidden"> {name}</span>
      </Details.Summary>
      <Details.Text>
        <FormErrorSummary errors={errors} attempt={attempt} />
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id={reasonId}
            name="reason"
            label="Reason"
            hint="Kept in the audit log and sent to the author"
            maxLength={500}
            error={errorFor(reasonId)}
          />
          <Button type="submit" secondary small disabled={busy}>
            {hidden ? 'Restore' : 'Hide'} {name}
          </Button>
        </form>
      </Details.Text>
    </Details>
  );
}
