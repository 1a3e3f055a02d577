import { Tag } from 'nhsuk-react-components';

import type { Role } from '../api/types';
import { ROLE_LABELS } from './labels';

/**
 * "Moderator" or "Admin" beside a staff author's name, from the role the API sends and never
 * from the name: members may not take staff names, but only the role can say who is staff.
 */
export function StaffTag({ role }: { role: Role }) {
  if (role === 'member') return null;
  return (
    <>
      {' '}
      <Tag modifier="blue">{ROLE_LABELS[role]}</Tag>
    </>
  );
}
