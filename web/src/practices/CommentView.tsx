import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';

import type { Comment } from '../api/types';
import { formatDateTime } from '../layout/format';
import { ServerHtml } from '../layout/ServerHtml';
import { HiddenNotice } from '../moderation/HiddenNotice';
import { HideRestoreForm } from '../moderation/HideRestoreForm';
import { ReportForm } from '../moderation/ReportForm';
import { StaffTag } from '../users/StaffTag';
import { CommentEditor } from './CommentEditor';
import { editButtonId, OwnCommentActions } from './OwnCommentActions';

interface Props {
  comment: Comment;
  meId: string;
  canModerate: boolean;
  onChanged(comment: Comment): void;
}

/** One comment on a case study: who and when, its words (or why not); edit or delete your own; report and moderate. */
export function CommentView({ comment, meId, canModerate, onChanged }: Props) {
  const deleted = comment.deletedAt !== null;
  const masked = comment.hidden && comment.body === '';
  const own = comment.author !== null && comment.author.id === meId;
  const [editing, setEditing] = useState(false);
  // Back from editing (saved or cancelled), focus returns to the Edit button it started from.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) document.getElementById(editButtonId(comment.id))?.focus();
    wasEditing.current = editing;
  }, [editing, comment.id]);
  const name = `the comment by ${comment.author?.displayName ?? 'a deleted account'}`;
  return (
    <>
      <p className="app-meta nhsuk-u-margin-bottom-1">
        {comment.author ? <Link to={`/people/${comment.author.handle}`}>{comment.author.displayName}</Link> : 'Deleted'}
        {comment.author && <StaffTag role={comment.author.role} />} · {formatDateTime(comment.createdAt)}
        {comment.editedAt && !deleted && ' · edited'}
      </p>
      {deleted ? (
        <p className="app-meta">[deleted]</p>
      ) : editing ? (
        <CommentEditor
          comment={comment}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
        />
      ) : (
        <HiddenNotice what="comment" hidden={comment.hidden} masked={masked}>
          <ServerHtml html={comment.bodyHtml} />
        </HiddenNotice>
      )}
      {!deleted && !editing && own && (
        <OwnCommentActions comment={comment} onEdit={() => setEditing(true)} onDeleted={onChanged} />
      )}
      {!deleted && !masked && !own && <ReportForm targetType="comment" targetId={comment.id} name={name} />}
      {!deleted && canModerate && (
        <HideRestoreForm kind="comment" id={comment.id} hidden={comment.hidden} name={name} onChanged={onChanged} />
      )}
    </>
  );
}
