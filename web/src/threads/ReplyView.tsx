import { Button, Tag } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';

import type { Reply } from '../api/types';
import { formatDateTime } from '../layout/format';
import { ServerHtml } from '../layout/ServerHtml';
import { HiddenNotice } from '../moderation/HiddenNotice';
import { HideRestoreForm } from '../moderation/HideRestoreForm';
import { ReportForm } from '../moderation/ReportForm';
import { StaffTag } from '../users/StaffTag';
import { editReplyButtonId, OwnReplyActions } from './OwnReplyActions';
import { ReplyEditor } from './ReplyEditor';
import { VoteButton } from './VoteButton';

interface Props {
  reply: Reply;
  meId: string;
  canReply: boolean;
  canAccept: boolean;
  /** Hide and restore (leads of the collaborative, site moderators). */
  canModerate: boolean;
  onChanged(reply: Reply): void;
  onQuote(reply: Reply): void;
  onAccept(reply: Reply, accept: boolean): void;
  /** The accepted answer is shown twice (first, and in its place); its copy at the top gets ids of its own. */
  copy?: boolean;
}

/** One reply: who wrote it and when, its body, and what you can do with it. */
export function ReplyView({
  reply,
  meId,
  canReply,
  canAccept,
  canModerate,
  onChanged,
  onQuote,
  onAccept,
  copy = false,
}: Props) {
  const anchor = `${copy ? 'accepted' : 'reply'}-${reply.id}`;
  const deleted = reply.deletedAt !== null;
  const own = reply.author?.id === meId;
  // Readers get a notice instead of a hidden reply's words; its author and moderators get the words.
  const masked = reply.hidden && reply.body === '';
  const [editing, setEditing] = useState(false);
  // Back from editing (saved or cancelled), focus returns to the Edit button it started from.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) document.getElementById(editReplyButtonId(reply.id))?.focus();
    wasEditing.current = editing;
  }, [editing, reply.id]);
  // Replies are not numbered on screen: forms about one name it by its author.
  const named = `the reply by ${reply.author?.displayName ?? 'a deleted account'}`;
  return (
    <article
      id={anchor}
      tabIndex={-1}
      className={`app-reply${reply.isAccepted ? ' app-reply--accepted' : ''}`}
      aria-labelledby={`${anchor}-by`}
    >
      <p id={`${anchor}-by`} className="app-meta nhsuk-u-margin-bottom-2">
        <span className="nhsuk-u-visually-hidden">Reply {reply.position} by </span>
        {reply.author ? <Link to={`/people/${reply.author.handle}`}>{reply.author.displayName}</Link> : 'Deleted'}
        {reply.author && <StaffTag role={reply.author.role} />}
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
      {deleted ? (
        <p className="app-meta">[deleted]</p>
      ) : editing ? (
        <ReplyEditor
          reply={reply}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
        />
      ) : (
        <HiddenNotice
          what="reply"
          hidden={reply.hidden}
          masked={reply.hidden && reply.body === ''}
          reason={reply.hiddenReason}
        >
          <ServerHtml html={reply.bodyHtml} />
        </HiddenNotice>
      )}
      {!deleted && !editing && (
        <div className="app-actions nhsuk-u-margin-bottom-2">
          <VoteButton
            target="reply"
            id={reply.id}
            voted={reply.voted}
            voteCount={reply.voteCount}
            own={own}
            onVoted={(state) => onChanged({ ...reply, ...state })}
          />
          {canReply && (
            <Button type="button" secondary small onClick={() => onQuote(reply)}>
              Quote<span className="nhsuk-u-visually-hidden"> reply {reply.position}</span>
            </Button>
          )}
          {own && <OwnReplyActions reply={reply} onEdit={() => setEditing(true)} onDeleted={onChanged} />}
          {canAccept && (
            <Button type="button" secondary small onClick={() => onAccept(reply, !reply.isAccepted)}>
              {reply.isAccepted ? 'Unmark as accepted answer' : 'Accept this answer'}
              <span className="nhsuk-u-visually-hidden"> (reply {reply.position})</span>
            </Button>
          )}
        </div>
      )}
      {!deleted && !editing && !copy && (
        <>
          {!own && !masked && <ReportForm targetType="reply" targetId={reply.id} name={named} />}
          {canModerate && (
            <HideRestoreForm
              kind="reply"
              id={reply.id}
              hidden={reply.hidden}
              name={named}
              onChanged={(changed) => onChanged({ ...changed, voted: reply.voted })}
            />
          )}
        </>
      )}
    </article>
  );
}
