import { Button, Radios, Textarea } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { QueueItem, ResolveAction } from '../api/types';
import { errorsFromProblem, type FieldSpecs, withFieldIds } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { RESOLVE_ACTIONS, RESOLVE_LABELS } from './labels';

interface Props {
  item: QueueItem;
  /** "the reply by Sarah Whitfield": names the item for the legend and screen readers. */
  name: string;
  onResolved(action: ResolveAction): void;
}

/** Decide every open report on one item at once: dismiss, hide, delete or ask for an edit, with a note. */
export function ResolveForm({ item, name, onResolved }: Props) {
  const prefix = `resolve-${item.targetId}-`;
  const fields: FieldSpecs = { [`${prefix}action`]: { label: 'Decision' }, [`${prefix}note`]: { label: 'Note' } };
  // A profile cannot be hidden or deleted: moderators suspend the person instead.
  const actions =
    item.targetType === 'user'
      ? RESOLVE_ACTIONS.filter((action) => action !== 'hide' && action !== 'delete')
      : RESOLVE_ACTIONS;
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const action = form.get('action') as ResolveAction | null;
    const note = text(form, 'note');
    const missing = [
      ...(action ? [] : [{ field: `${prefix}action`, message: 'Select what to do about the reports' }]),
      ...(note ? [] : [{ field: `${prefix}note`, message: 'Enter a note for the audit log and the author' }]),
    ];
    if (missing.length > 0 || !action) return missing;
    const { error } = await api.POST('/api/moderation/reports/{id}/resolve', {
      params: { path: { id: item.reports[0]!.id } },
      body: { action, note },
    });
    if (error)
      return errorsFromProblem(withFieldIds(error, { action: `${prefix}action`, note: `${prefix}note` }), fields);
    onResolved(action);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <Radios
        legend={`Decide the reports on ${name}`}
        legendProps={{ size: 's' }}
        name="action"
        error={errorFor(`${prefix}action`)}
      >
        {actions.map((action, index) => (
          <Radios.Item
            key={action}
            id={index === 0 ? `${prefix}action` : `${prefix}action-${action}`}
            value={action}
            hint={RESOLVE_LABELS[action].hint}
          >
            {RESOLVE_LABELS[action].label}
          </Radios.Item>
        ))}
      </Radios>
      <Textarea
        id={`${prefix}note`}
        name="note"
        label="Note"
        hint="Kept in the audit log and sent to the author"
        rows={3}
        maxLength={1000}
        error={errorFor(`${prefix}note`)}
      />
      <Button type="submit" disabled={busy}>
        Decide<span className="nhsuk-u-visually-hidden"> the reports on {name}</span>
      </Button>
    </form>
  );
}
