import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { ThreadDetail } from '../api/types';
import { formatDateTime } from '../layout/format';
import { ServerHtml } from '../layout/ServerHtml';
import { Tags } from '../layout/Tags';

/** The thread's title, state, author and question. */
export function ThreadQuestion({ thread }: { thread: ThreadDetail }) {
  const deleted = thread.deletedAt !== null;
  return (
    <>
      <h1 className="nhsuk-u-margin-bottom-3">{deleted ? '[deleted]' : thread.title}</h1>
      <p className="nhsuk-u-margin-bottom-2">
        <Tag modifier={thread.acceptedReplyId ? 'green' : 'blue'}>{thread.kind === 'discussion' ? 'Discussion' : thread.acceptedReplyId ? 'Answered' : 'Question'}</Tag>{' '}
        {thread.isPinned && <Tag modifier="purple">Pinned</Tag>} {thread.isLocked && <Tag modifier="orange">Locked</Tag>} {thread.hidden && <Tag modifier="grey">Hidden</Tag>} {deleted && <Tag modifier="red">Deleted</Tag>}
      </p>
      {thread.isLocked && <p className="nhsuk-inset-text">This thread is locked: it can be read, but nobody can reply.</p>}
      {deleted && <p className="nhsuk-inset-text">This question was deleted. Its replies stay for the record.</p>}
      {thread.hidden && (
        <p className="nhsuk-inset-text">
          A moderator has hidden this thread{thread.hiddenReason ? `: ${thread.hiddenReason}` : '.'} {thread.bodyHtml ? 'You can see it as its author or a moderator.' : ''}
        </p>
      )}
      <p className="app-meta">
        {thread.author ? (
          <>
            Asked by <Link to={`/people/${thread.author.handle}`}>{thread.author.displayName}</Link>, {thread.author.jobTitle}, {thread.author.organisation}
          </>
        ) : (
          'Asked by a deleted account'
        )}{' '}
        · {formatDateTime(thread.createdAt)}
        {thread.editedAt && ' · edited'} · {thread.viewCount} views
      </p>
      <Tags tags={thread.tags} label="Tags" />
      {!deleted && <ServerHtml html={thread.bodyHtml} />}
    </>
  );
}
