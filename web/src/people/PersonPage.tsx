import { useState } from 'react';
import { useParams } from 'react-router';

import { api } from '../api/client';
import type { PracticeSummary, PublicProfile } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/use-session';
import { DetailsList } from '../layout/DetailsList';
import { formatDateTime } from '../layout/format';
import { LoadProblem } from '../layout/LoadProblem';
import { Success } from '../layout/Success';
import { usePageTitle } from '../layout/use-page-title';
import { ReportForm } from '../moderation/ReportForm';
import { SuspendForm } from '../moderation/SuspendForm';
import { SuspensionStatus } from '../moderation/SuspensionStatus';
import { useAccountStatus } from '../moderation/use-account-status';
import { PracticeCard } from '../practices/PracticeCard';
import { ROLE_LABELS, SECTOR_LABELS } from '../users/labels';

function TheirPractices({ authorId }: { authorId: string }) {
  const list = useCursorList<PracticeSummary>(
    (cursor) => api.GET('/api/practices', { params: { query: { author: authorId, cursor } } }),
    authorId,
  );
  if (list.status !== 'loaded' || list.items.length === 0) return null;
  return (
    <section aria-labelledby="practices-heading">
      <h2 id="practices-heading">Case studies</h2>
      {list.items.map((practice) => (
        <PracticeCard key={practice.id} practice={practice} />
      ))}
    </section>
  );
}

/** A member's public profile, by @handle. */
export function PersonPage() {
  const { handle = '' } = useParams();
  const [loaded] = useLoad(() => api.GET('/api/users/by-handle/{handle}', { params: { path: { handle } } }), handle);
  usePageTitle(loaded.status === 'loaded' ? loaded.data.displayName : 'Member');
  if (loaded.status === 'loading') return <p role="status">Loading…</p>;
  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  return <Person key={loaded.data.id} person={loaded.data} />;
}

function Person({ person }: { person: PublicProfile }) {
  const { user } = useSession();
  const account = useAccountStatus(person);
  const [done, setDone] = useState<string | null>(null);
  const self = user?.id === person.id;
  // Suspensions are for site moderators and admins, never of an admin or of yourself.
  const maySuspend = (user?.role === 'moderator' || user?.role === 'admin') && !self && person.role !== 'admin';
  return (
    <>
      <Success message={done} />
      <h1 className="nhsuk-u-margin-bottom-2">{person.displayName}</h1>
      <p className="nhsuk-lede-text">
        {person.jobTitle}, {person.organisation}
      </p>
      <DetailsList
        details={[
          { key: 'Handle', value: `@${person.handle}` },
          { key: 'Sector', value: SECTOR_LABELS[person.sector] },
          { key: 'Role on the forum', value: ROLE_LABELS[person.role] },
          { key: 'Member since', value: formatDateTime(person.createdAt) },
          ...(person.bio ? [{ key: 'About', value: person.bio }] : []),
          ...(account.status ? [{ key: 'Account', value: <SuspensionStatus profile={account.status} /> }] : []),
        ]}
      />
      {!self && <ReportForm targetType="user" targetId={person.id} name={`${person.displayName}'s profile`} />}
      <TheirPractices authorId={person.id} />
      {maySuspend && (
        <SuspendForm
          person={person}
          suspended={account.status ? account.status.status === 'suspended' : null}
          onChanged={(profile, message) => {
            account.learned(profile);
            setDone(message);
          }}
        />
      )}
    </>
  );
}
