import { Tag } from 'nhsuk-react-components';

import type { Profile } from '../api/types';
import { formatDateTime } from '../layout/format';

/** Whether someone is suspended, and until when, as the API last said. */
export function SuspensionStatus({
  profile,
}: {
  profile: Pick<Profile, 'status' | 'suspendedUntil' | 'suspensionReason'>;
}) {
  if (profile.status !== 'suspended') return <Tag modifier="green">Active</Tag>;
  return (
    <>
      <Tag modifier="red">Suspended</Tag>{' '}
      {profile.suspendedUntil ? `until ${formatDateTime(profile.suspendedUntil)}` : 'until lifted'}
      {profile.suspensionReason && `: ${profile.suspensionReason}`}
    </>
  );
}
