import { BackLink, Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { DetailsList } from '../layout/DetailsList';
import { FlashBanner } from '../layout/FlashBanner';
import { LoadProblem } from '../layout/LoadProblem';
import { ServerHtml } from '../layout/ServerHtml';
import { Success } from '../layout/Success';
import { usePageTitle } from '../layout/use-page-title';
import { SECTOR_LABELS } from '../users/labels';
import { FollowPanel } from './FollowPanel';
import { JoinRequestForm } from './JoinRequestForm';
import { TYPE_LABELS } from './labels';
import { LeaveCollaborative } from './LeaveCollaborative';
import { MembersList } from './MembersList';
import { PendingJoinRequests } from './PendingJoinRequests';
import { ThreadsSection } from './ThreadsSection';

export function CollaborativePage() {
  const { idOrSlug = '' } = useParams();
  const [params] = useSearchParams();
  const showMembers = params.get('view') === 'members';
  const [loaded, reload] = useLoad(
    () => api.GET('/api/collaboratives/{idOrSlug}', { params: { path: { idOrSlug } } }),
    idOrSlug,
  );
  const [done, setDone] = useState<string | null>(null);
  usePageTitle(loaded.status === 'loaded' ? loaded.data.name : 'Collaborative');

  if (loaded.status === 'loading') return <p role="status">Loading…</p>;
  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  const collaborative = loaded.data;
  const changed = (message: string) => {
    setDone(message);
    reload();
  };
  return (
    <>
      <BackLink asElement={Link} to="/collaboratives" href="/collaboratives">
        All collaboratives
      </BackLink>
      <FlashBanner />
      <Success message={done} />
      <h1>{collaborative.name}</h1>
      {collaborative.archivedAt && (
        <p className="nhsuk-inset-text">This collaborative is archived: you can read it, but nobody can post.</p>
      )}
      <ServerHtml html={collaborative.descriptionHtml} />
      <DetailsList
        details={[
          { key: 'Type', value: TYPE_LABELS[collaborative.type] },
          {
            key: 'Sectors',
            value: collaborative.sectors.map((sector) => SECTOR_LABELS[sector]).join(', ') || 'Not given',
          },
          {
            key: 'Region',
            value: [collaborative.region, collaborative.ics].filter(Boolean).join(' · ') || 'Not given',
          },
          { key: 'Organisations', value: collaborative.organisations.join(', ') || 'Not given' },
          {
            key: 'Who can read',
            value: collaborative.visibility === 'members' ? 'Members only' : 'Everyone signed in',
          },
          { key: 'Members', value: `${collaborative.memberCount} members, ${collaborative.followerCount} followers` },
        ]}
      />
      <FollowPanel collaborative={collaborative} onChanged={changed} />
      <JoinRequestForm collaborative={collaborative} onSent={changed} />
      <LeaveCollaborative collaborative={collaborative} onLeft={changed} />
      {collaborative.viewer.canModerate && (
        <PendingJoinRequests collaborativeId={collaborative.id} onDecided={changed} />
      )}
      {collaborative.viewer.canPost && (
        <Button
          asElement={Link}
          to={`/collaboratives/${collaborative.slug}/ask`}
          href={`/collaboratives/${collaborative.slug}/ask`}
        >
          Ask a question
        </Button>
      )}
      <nav aria-label="In this collaborative" className="nhsuk-u-margin-bottom-3">
        <ul className="nhsuk-list app-actions">
          <li className="nhsuk-u-margin-bottom-0">
            {showMembers ? <Link to="?">Threads</Link> : <strong aria-current="page">Threads</strong>}
          </li>
          <li className="nhsuk-u-margin-bottom-0">
            {showMembers ? <strong aria-current="page">Members</strong> : <Link to="?view=members">Members</Link>}
          </li>
        </ul>
      </nav>
      {!collaborative.viewer.canRead ? (
        <p>Only members can read this collaborative's discussions.</p>
      ) : showMembers ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <MembersList collaborativeId={collaborative.id} />
        </section>
      ) : (
        <ThreadsSection collaborative={collaborative} />
      )}
    </>
  );
}
