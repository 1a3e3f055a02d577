import { Button, Radios, Textarea, TextInput } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { Profile } from '../api/types';
import { errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { text, useFormSubmit } from '../forms/use-form-submit';

const FIELDS: FieldSpecs = {
  suspendAction: { label: 'Action', whenEmpty: 'Select whether to suspend or lift the suspension' },
  suspendDays: { label: 'Number of days' },
  suspendReason: { label: 'Reason', whenEmpty: 'Enter the reason' },
};

const DAY = 24 * 60 * 60 * 1000;

interface Props {
  person: { id: string; displayName: string };
  /** What the API last said of the account, when known. */
  suspended: boolean | null;
  onChanged(profile: Profile, message: string): void;
}

/** The end of a suspension of `days` whole days from now, or an error message. */
function untilFrom(days: string): { until?: string; error?: string } {
  if (days === '') return {};
  if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 3650)
    return { error: 'Number of days must be a whole number from 1 to 3650' };
  return { until: new Date(Date.now() + Number(days) * DAY).toISOString() };
}

/**
 * For site moderators and admins on a person's page: suspend the account (for some days, or
 * until lifted), or lift a suspension. The API ends their sessions and live connections.
 */
export function SuspendForm({ person, suspended, onChanged }: Props) {
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const action = form.get('suspendAction');
    const reason = text(form, 'suspendReason');
    const missing = [
      ...(action ? [] : [{ field: 'suspendAction', message: FIELDS.suspendAction!.whenEmpty! }]),
      ...(reason ? [] : [{ field: 'suspendReason', message: FIELDS.suspendReason!.whenEmpty! }]),
    ];
    const { until, error: daysError } = action === 'suspend' ? untilFrom(text(form, 'suspendDays')) : {};
    if (daysError) missing.push({ field: 'suspendDays', message: daysError });
    if (missing.length > 0) return missing;
    const path = { params: { path: { id: person.id } } };
    const answer =
      action === 'suspend'
        ? await api.POST('/api/users/{id}/suspend', { ...path, body: { reason, until } })
        : await api.POST('/api/users/{id}/unsuspend', { ...path, body: { reason } });
    if (answer.error)
      return errorsFromProblem(
        {
          ...answer.error,
          errors: answer.error.errors?.map((e) => ({
            ...e,
            field: e.field === 'reason' ? 'suspendReason' : 'suspendDays',
          })),
        },
        FIELDS,
      );
    onChanged(
      answer.data,
      action === 'suspend'
        ? `${person.displayName} is suspended`
        : `${person.displayName}'s suspension has been lifted`,
    );
  });
  return (
    <section aria-labelledby="suspend-heading">
      <h2 id="suspend-heading">Suspend or lift a suspension</h2>
      <p>A suspended person cannot sign in; their sessions and live connections end at once.</p>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <form onSubmit={onSubmit} noValidate>
        <Radios
          legend={`What do you want to do about ${person.displayName}'s account?`}
          legendProps={{ size: 's' }}
          name="suspendAction"
          error={errorFor('suspendAction')}
        >
          <Radios.Item id="suspendAction" value="suspend" defaultChecked={suspended === false}>
            Suspend the account
          </Radios.Item>
          <Radios.Item id="suspendAction-lift" value="unsuspend" defaultChecked={suspended === true}>
            Lift the suspension
          </Radios.Item>
        </Radios>
        <TextInput
          id="suspendDays"
          name="suspendDays"
          label="Number of days (optional)"
          hint="When suspending: leave empty to suspend until a moderator lifts it"
          inputMode="numeric"
          width={4}
          error={errorFor('suspendDays')}
        />
        <Textarea
          id="suspendReason"
          name="suspendReason"
          label="Reason"
          hint="Kept in the audit log and shown to the person when they try to sign in"
          rows={3}
          maxLength={500}
          error={errorFor('suspendReason')}
        />
        <Button type="submit" warning disabled={busy}>
          Confirm
        </Button>
      </form>
    </section>
  );
}
