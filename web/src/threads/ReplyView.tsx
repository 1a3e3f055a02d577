import { Button, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { Reply } from '../api/types';
import { formatDateTime } from '../layout/format';
import { ServerHtml } from '../layout/ServerHtml';
import { VoteButton } from './VoteButton';

interface Props {
  reply: Reply;
  meId: string;
  canReply: boolean;
  canAccept: boolean;
  onChanged(reply: Reply): void;
  onQuote(reply: Reply): void;
  onAccept(reply: Reply, accept: boolean): void;
}

/** One reply: who wrote it and when, its body, and what you can do with it. */
export function ReplyView({ reply, meId, canReply, canAccept, onChanged, onQuote, onAccept }: Props) {
  const deleted = reply.deletedAt !== null;
  return (
    <article id={`reply-${reply.id}`} className={`app-reply${reply.isAccepted ? ' app-reply--accepted' : ''}`} aria-labelledby={`reply-${reply.id}-by`}>
      <p id={`reply-${reply.id}-by`} className="app-meta nhsuk-u-margin-bottom-2">
        <span className="nhsuk-u-visually-hidden">Reply {reply.position} by </span>
        {reply.author ? <Link to={`/people/${reply.author.handle}`}>{reply.author.displayName}</Link> : 'Deleted'}
        {reply.author && `, ${reply.author.jobTitle}, ${reply.author.organisation}`} · {formatDateTime(reply.createdAt)}
        {reply.editedAt && ' · edited'}
        {reply.isAccepted && (
          <>
            {' '}
            <Tag modifier="green">Accepted answer</Tag>
          </>
        )}
      </p>
      {reply.quotedReplyId && (
        <p className="nhsuk-body-s">
          <a href={`#reply-${reply.quotedReplyId}`}>In reply to an earlier post</a>
        </p>
      )}
      {deleted ? <p className="app-meta">[deleted]</p> : <ServerHtml html={reply.bodyHtml} />}
      {!deleted && (
        <div className="app-actions nhsuk-u-margin-bottom-2">
          <VoteButton target="reply" id={reply.id} voted={reply.voted} voteCount={reply.voteCount} own={reply.author?.id === meId} onVoted={(state) => onChanged({ ...reply, ...state })} />
          {canReply && (
            <Button type="button" secondary small onClick={() => onQuote(reply)}>
              Quote<span className="nhsuk-u-visually-hidden"> reply {reply.position}</span>
            </Button>
          )}
          {canAccept && (
            <Button type="button" secondary small onClick={() => onAccept(reply, !reply.isAccepted)}>
              {reply.isAccepted ? 'Unmark as accepted answer' : 'Accept this answer'}
              <span className="nhsuk-u-visually-hidden"> (reply {reply.position})</span>
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
