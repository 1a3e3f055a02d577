import { Button, Details, Radios, Textarea } from 'nhsuk-react-components';
import { useState } from 'react';

import { api } from '../api/client';
import type { ReportReason, ReportTarget } from '../api/types';
import { errorsFromProblem, type FieldSpecs, withFieldIds } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useDisclosure } from '../forms/use-disclosure';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { REASON_LABELS, REASONS, TARGET_LABELS } from './labels';

interface Props {
  targetType: ReportTarget;
  targetId: string;
  /** Tells one report form from the others on the page ("the reply by Sarah Whitfield"), in words people see. */
  name?: string;
}

type Outcome = { kind: 'sent'; hidden: boolean } | { kind: 'already'; message: string };

/**
 * "Report this": a reason from the API's six, and details for the moderators. The answer is
 * said plainly, including the API's 409 when this person's earlier report is still open.
 */
export function ReportForm({ targetType, targetId, name }: Props) {
  const what = name ?? `this ${TARGET_LABELS[targetType]}`;
  const prefix = `report-${targetId}-`;
  const fields: FieldSpecs = {
    [`${prefix}reason`]: { label: 'Reason', whenEmpty: 'Select why you are reporting it' },
    [`${prefix}details`]: { label: 'What the moderators should know' },
  };
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const reason = form.get('reason') as ReportReason | null;
    if (!reason) return [{ field: `${prefix}reason`, message: 'Select why you are reporting it' }];
    const { data, error, response } = await api.POST('/api/reports', {
      body: { targetType, targetId, reason, details: text(form, 'details') || undefined },
    });
    if (response.status === 409 && error) return setOutcome({ kind: 'already', message: error.detail });
    if (error)
      return errorsFromProblem(withFieldIds(error, { reason: `${prefix}reason`, details: `${prefix}details` }), fields);
    setOutcome({ kind: 'sent', hidden: data.targetHidden });
  });
  const disclosure = useDisclosure(errors);

  if (outcome?.kind === 'sent') {
    return (
      <p className="nhsuk-inset-text app-report-outcome" role="status">
        Thank you: your report of {what} has been sent to the moderators.
        {outcome.hidden && ' It is hidden from readers until they review it.'}
      </p>
    );
  }
  if (outcome?.kind === 'already') {
    return (
      <p className="nhsuk-inset-text app-report-outcome" role="status">
        <strong>Already reported.</strong> {outcome.message}
      </p>
    );
  }
  return (
    <Details className="app-report" {...disclosure}>
      <Details.Summary>
        Report<span className="nhsuk-u-visually-hidden"> {what}</span>
      </Details.Summary>
      <Details.Text>
        <FormErrorSummary errors={errors} attempt={attempt} />
        <form onSubmit={onSubmit} noValidate>
          <Radios
            legend={`Why are you reporting ${what}?`}
            legendProps={{ size: 's' }}
            name="reason"
            error={errorFor(`${prefix}reason`)}
          >
            {REASONS.map((reason, index) => (
              <Radios.Item
                key={reason}
                id={index === 0 ? `${prefix}reason` : `${prefix}reason-${reason}`}
                value={reason}
                hint={REASON_LABELS[reason].hint}
              >
                {REASON_LABELS[reason].label}
              </Radios.Item>
            ))}
          </Radios>
          <Textarea
            id={`${prefix}details`}
            name="details"
            label="What should the moderators know? (optional)"
            hint="Do not repeat any patient details"
            rows={3}
            maxLength={2000}
            error={errorFor(`${prefix}details`)}
          />
          <Button type="submit" secondary disabled={busy}>
            Send report
          </Button>
        </form>
      </Details.Text>
    </Details>
  );
}
