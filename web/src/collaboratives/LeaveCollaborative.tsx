import { api } from '../api/client';
import type { Collaborative } from '../api/types';
import { useSession } from '../auth/use-session';
import { ConfirmButton } from '../layout/ConfirmButton';

interface Props {
  collaborative: Collaborative;
  onLeft(message: string): void;
}

/** Leave a collaborative you are a member (or lead) of; the API refuses a last lead, in its words. */
export function LeaveCollaborative({ collaborative, onLeft }: Props) {
  const { user } = useSession();
  if (!user || !collaborative.viewer.membership) return null;
  return (
    <div className="app-actions nhsuk-u-margin-bottom-4">
      <ConfirmButton
        label="Leave this collaborative"
        confirmLabel={`Yes, leave ${collaborative.name}`}
        act={() =>
          api.DELETE('/api/collaboratives/{id}/members/{userId}', {
            params: { path: { id: collaborative.id, userId: user.id } },
          })
        }
        onDone={() => onLeft(`You have left ${collaborative.name}`)}
      />
    </div>
  );
}
