import { Button, TextInput } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { PracticeDetail } from '../api/types';
import { useAction } from '../api/use-action';
import { errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { text, useFormSubmit } from '../forms/use-form-submit';

const FIELDS: FieldSpecs = { note: { label: 'Note' } };

interface Props {
  practice: PracticeDetail;
  onChanged(message: string): void;
}

/** Endorse a case study with an optional one-line note, or withdraw the endorsement. */
export function EndorsePanel({ practice, onChanged }: Props) {
  const path = { params: { path: { id: practice.id } } };
  const withdraw = useAction();
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const { error } = await api.PUT('/api/practices/{id}/endorsement', {
      ...path,
      body: { note: text(form, 'note') || undefined },
    });
    if (error) return errorsFromProblem(error, FIELDS);
    onChanged('You have endorsed this case study');
  });
  if (!practice.viewer.canEndorse) return null;
  if (practice.viewer.endorsed) {
    return (
      <div className="nhsuk-u-margin-bottom-4">
        <p>You have endorsed this case study.</p>
        {withdraw.problem && <p className="nhsuk-error-message">{withdraw.problem}</p>}
        <Button
          type="button"
          secondary
          disabled={withdraw.busy}
          onClick={() =>
            void withdraw.run(
              () => api.DELETE('/api/practices/{id}/endorsement', path),
              () => onChanged('Your endorsement has been withdrawn'),
            )
          }
        >
          Withdraw endorsement
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="nhsuk-u-margin-bottom-4">
      <FormErrorSummary errors={errors} attempt={attempt} />
      <TextInput
        id="note"
        name="note"
        label="Note with your endorsement (optional)"
        hint="One line, for example: we adopted this in 2025 and saw the same result. Your organisation is shown"
        maxLength={280}
        error={errorFor('note')}
      />
      <Button type="submit" disabled={busy}>
        Endorse
      </Button>
    </form>
  );
}
