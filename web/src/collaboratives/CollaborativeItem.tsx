import { Link } from 'react-router';

import type { Collaborative } from '../api/types';
import { plural } from '../layout/format';
import { plainTextOf } from '../layout/plain-text';
import { Tags } from '../layout/Tags';
import { SECTOR_LABELS } from '../users/labels';
import { TYPE_LABELS } from './labels';

/** One collaborative in the directory: what it is, who is in it and where you stand. */
export function CollaborativeItem({ collaborative }: { collaborative: Collaborative }) {
  const { viewer } = collaborative;
  const standing = [
    viewer.membership === 'lead' ? 'Lead' : viewer.membership === 'member' ? 'Member' : null,
    viewer.following ? 'Following' : null,
    viewer.joinRequestPending ? 'Asked to join' : null,
    collaborative.visibility === 'members' ? 'Members only' : null,
    collaborative.archivedAt ? 'Archived' : null,
  ].filter((word): word is string => word !== null);
  return (
    <li>
      <h2 className="nhsuk-heading-m nhsuk-u-margin-bottom-2">
        <Link to={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</Link>
      </h2>
      <Tags tags={standing} modifier="blue" label="Your standing" />
      <p className="nhsuk-u-margin-bottom-2">{plainTextOf(collaborative.descriptionHtml)}</p>
      <p className="app-meta nhsuk-u-margin-bottom-0">
        {TYPE_LABELS[collaborative.type]}
        {collaborative.sectors.length > 0 &&
          ` · ${collaborative.sectors.map((sector) => SECTOR_LABELS[sector]).join(', ')}`}
        {collaborative.region && ` · ${collaborative.region}`}
        {` · ${plural(collaborative.memberCount, 'member')} · ${plural(collaborative.followerCount, 'follower')}`}
        {collaborative.threadCount !== null && ` · ${plural(collaborative.threadCount, 'thread')}`}
      </p>
    </li>
  );
}
