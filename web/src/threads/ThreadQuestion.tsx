import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import type { ThreadDetail } from '../api/types';
import { formatDateTime, plural } from '../layout/format';
import { ServerHtml } from '../layout/ServerHtml';
import { Tags } from '../layout/Tags';
import { HiddenNotice } from '../moderation/HiddenNotice';
import { StaffTag } from '../users/StaffTag';

/** The thread's title, state, author and question. */
export function ThreadQuestion({ thread }: { thread: ThreadDetail }) {
  const deleted = thread.deletedAt !== null;
  const masked = thread.hidden && thread.body === '';
  return (
    <>
      <h1 className="nhsuk-u-margin-bottom-3">
        {deleted ? '[deleted]' : masked ? 'Hidden by moderators' : thread.title}
      </h1>
      <p className="nhsuk-u-margin-bottom-2">
        <Tag modifier={thread.acceptedReplyId ? 'green' : 'blue'}>
          {thread.kind === 'discussion' ? 'Discussion' : thread.acceptedReplyId ? 'Answered' : 'Question'}
        </Tag>{' '}
        {thread.isPinned && <Tag modifier="purple">Pinned</Tag>}{' '}
        {thread.isLocked && <Tag modifier="orange">Locked</Tag>} {thread.hidden && <Tag modifier="grey">Hidden</Tag>}{' '}
        {deleted && <Tag modifier="red">Deleted</Tag>}
      </p>
      {thread.isLocked && (
        <p className="nhsuk-inset-text">This thread is locked: it can be read, but nobody can reply.</p>
      )}
      {deleted && !thread.mergedIntoId && (
        <p className="nhsuk-inset-text">This question was deleted. Its replies stay for the record.</p>
      )}
      {thread.mergedIntoId && (
        <p className="nhsuk-inset-text">
          Moderators merged this thread into another.{' '}
          <Link to={`/threads/${thread.mergedIntoId}`}>Go to the thread it was merged into</Link>
        </p>
      )}
      <p className="app-meta">
        {thread.author ? (
          <>
            Asked by <Link to={`/people/${thread.author.handle}`}>{thread.author.displayName}</Link>
            <StaffTag role={thread.author.role} />, {thread.author.jobTitle}, {thread.author.organisation}
          </>
        ) : (
          'Asked by a deleted account'
        )}{' '}
        · {formatDateTime(thread.createdAt)}
        {thread.editedAt && ' · edited'} · {plural(thread.viewCount, 'view')}
      </p>
      <Tags tags={thread.tags} label="Tags" />
      {!deleted && (
        <HiddenNotice
          what="thread"
          hidden={thread.hidden}
          masked={thread.hidden && thread.body === ''}
          reason={thread.hiddenReason}
        >
          <ServerHtml html={thread.bodyHtml} />
        </HiddenNotice>
      )}
    </>
  );
}
