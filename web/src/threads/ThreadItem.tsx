import { Link } from 'react-router';

import type { ThreadSummary } from '../api/types';
import type { CollaborativeName } from '../collaboratives/collaborative-names';
import { formatDateTime, plural } from '../layout/format';
import { Tags } from '../layout/Tags';

interface Props {
  thread: ThreadSummary;
  tagLink?: (tag: string) => string;
  /** Where it was posted, for lists that mix collaboratives (the feed); left out on a collaborative's own page. */
  collaborative?: CollaborativeName;
}

/** One thread in a list: title, where it was posted, state, tags and how much has happened in it. */
export function ThreadItem({ thread, tagLink, collaborative }: Props) {
  const state = [
    thread.isPinned ? 'Pinned' : null,
    thread.isLocked ? 'Locked' : null,
    thread.hidden ? 'Hidden' : null,
    thread.kind === 'question' ? (thread.acceptedReplyId ? 'Answered' : 'Question') : 'Discussion',
  ].filter((word): word is string => word !== null);
  return (
    <li>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
        <Link to={`/threads/${thread.id}`}>{thread.deletedAt ? '[deleted]' : thread.title}</Link>
      </h3>
      {collaborative && (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
          In <Link to={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</Link>
        </p>
      )}
      <Tags tags={state} modifier={thread.acceptedReplyId ? 'green' : 'blue'} label="State" />
      {thread.tags.length > 0 && (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
          Tags:{' '}
          {thread.tags.map((tag, index) => (
            <span key={tag}>
              {index > 0 && ', '}
              {tagLink ? <Link to={tagLink(tag)}>{tag}</Link> : tag}
            </span>
          ))}
        </p>
      )}
      <p className="app-meta nhsuk-u-margin-bottom-0">
        {thread.author ? `${thread.author.displayName} · ` : ''}
        {plural(thread.replyCount, 'reply', 'replies')} · {plural(thread.voteCount, 'vote')} · last activity{' '}
        {formatDateTime(thread.lastActivityAt)}
      </p>
    </li>
  );
}
