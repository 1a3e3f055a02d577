import { Button, TextInput } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';

import { api } from '../api/client';
import { FilterSelect } from '../forms/FilterSelect';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { useCollaborativeOptions } from '../practices/use-collaborative-options';
import { AUDIT_ACTION_LABELS, TARGET_LABELS } from './labels';
import { useModerationAccess } from './use-moderation-access';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = Object.entries(TARGET_LABELS).map(([value, label]) => ({
  value,
  label: label.charAt(0).toUpperCase() + label.slice(1),
}));

/** Who acted, typed as @handle (or a member ID), as the API's `actorId`. */
async function actorIdOf(typed: string): Promise<string | null> {
  if (UUID.test(typed)) return typed.match(UUID)![0].toLowerCase();
  const { data } = await api.GET('/api/users/by-handle/{handle}', {
    params: { path: { handle: typed.replace(/^@/, '') } },
  });
  return data?.id ?? null;
}

/** The audit log's filters, kept in the address so a filtered view can be shared and reloaded. */
export function AuditFilters() {
  const [params, setParams] = useSearchParams();
  const access = useModerationAccess();
  const all = useCollaborativeOptions();
  const collaboratives = access.siteWide ? all : access.leads;
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const next = new URLSearchParams();
    const problems = [];
    const actor = text(form, 'actor');
    if (actor) {
      const id = await actorIdOf(actor);
      if (id) next.set('actorId', id);
      else problems.push({ field: 'actor', message: 'Enter the @handle of a member, as shown on their page' });
    }
    const target = text(form, 'target');
    if (target) {
      const id = target.match(UUID)?.[0];
      if (id) next.set('targetId', id.toLowerCase());
      else
        problems.push({
          field: 'target',
          message: 'Enter the address or ID of an item, like /threads/3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
        });
    }
    for (const name of ['targetType', 'action', 'collaborativeId'])
      if (text(form, name)) next.set(name, text(form, name));
    for (const name of ['from', 'to']) {
      const day = text(form, name);
      if (day && !DATE.test(day))
        problems.push({ field: name, message: `Enter the ${name === 'from' ? 'first' : 'last'} date as a real date` });
      else if (day) next.set(name, day);
    }
    if (problems.length > 0) return problems;
    if (actor) next.set('actor', actor);
    setParams(next);
  });
  return (
    <form className="app-filters" role="search" aria-label="Audit log" onSubmit={onSubmit} noValidate>
      <FormErrorSummary errors={errors} attempt={attempt} />
      <TextInput
        id="actor"
        name="actor"
        label="Who acted"
        hint="Their @handle"
        spellCheck={false}
        autoComplete="off"
        defaultValue={params.get('actor') ?? ''}
        error={errorFor('actor')}
      />
      <FilterSelect name="action" label="Action" any="Any action" options={ACTION_OPTIONS} />
      <FilterSelect name="targetType" label="Kind of item" any="Any kind" options={KIND_OPTIONS} />
      <TextInput
        id="target"
        name="target"
        label="Item"
        hint="Its address or ID"
        spellCheck={false}
        autoComplete="off"
        defaultValue={params.get('targetId') ?? ''}
        error={errorFor('target')}
      />
      <FilterSelect
        name="collaborativeId"
        label="Collaborative"
        any="Any collaborative"
        options={collaboratives.map((option) => ({ value: option.id, label: option.name }))}
      />
      <TextInput
        id="from"
        name="from"
        type="date"
        label="From"
        hint="On or after this day"
        defaultValue={params.get('from') ?? ''}
        error={errorFor('from')}
      />
      <TextInput
        id="to"
        name="to"
        type="date"
        label="To"
        hint="On or before this day"
        defaultValue={params.get('to') ?? ''}
        error={errorFor('to')}
      />
      <Button type="submit" disabled={busy}>
        Filter
      </Button>
    </form>
  );
}
