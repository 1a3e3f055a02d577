import { Button, NotificationBanner, Radios } from 'nhsuk-react-components';
import { useState } from 'react';

import { api } from '../api/client';
import type { Role } from '../api/types';
import { useLoad } from '../api/use-load';
import { errorsFromProblem } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { useFormSubmit } from '../forms/use-form-submit';
import { DetailsList } from '../layout/DetailsList';
import { ROLE_LABELS, ROLES, SECTOR_LABELS } from '../users/labels';

const FIELDS = { role: { label: 'Role' } };

/** One member's details and the form that changes their role. */
export function FoundUser({ id }: { id: string }) {
  const [member] = useLoad(() => api.GET('/api/users/{id}', { params: { path: { id } } }), id);
  const [changed, setChanged] = useState<string | null>(null);
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const role = form.get('role') as Role;
    const { data, error } = await api.PATCH('/api/admin/users/{id}/role', { params: { path: { id } }, body: { role } });
    if (error) return errorsFromProblem(error, FIELDS);
    setChanged(`${data.displayName}'s role is now ${ROLE_LABELS[data.role]}`);
  });

  if (member.status === 'loading') return <p role="status">Finding the member…</p>;
  if (member.status === 'failed') {
    const message =
      member.problem.status === 404 ? 'No member has this ID. Check it and try again.' : member.problem.detail;
    return <p role="alert">{message}</p>;
  }
  const profile = member.data;
  return (
    <section aria-labelledby="member-heading">
      {changed && (
        <NotificationBanner success key={changed}>
          <NotificationBanner.Heading>{changed}</NotificationBanner.Heading>
        </NotificationBanner>
      )}
      <FormErrorSummary errors={errors} attempt={attempt} />
      <h2 id="member-heading">{profile.displayName}</h2>
      <DetailsList
        details={[
          { key: 'Email address', value: profile.email ?? 'Not shown' },
          { key: 'Organisation', value: profile.organisation },
          { key: 'Job title', value: profile.jobTitle },
          { key: 'Sector', value: SECTOR_LABELS[profile.sector] },
        ]}
      />
      <form onSubmit={onSubmit} noValidate>
        <Radios
          legend={`Role of ${profile.displayName}`}
          legendProps={{ size: 'm' }}
          name="role"
          error={errorFor('role')}
        >
          {ROLES.map((role, index) => (
            <Radios.Item
              key={role}
              id={index === 0 ? 'role' : `role-${role}`}
              value={role}
              defaultChecked={profile.role === role}
            >
              {ROLE_LABELS[role]}
            </Radios.Item>
          ))}
        </Radios>
        <Button type="submit">Save role</Button>
      </form>
    </section>
  );
}
