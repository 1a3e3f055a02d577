import { useEffect, useState } from 'react';

import { api } from '../api/client';
import type { Reply, ThreadDetail } from '../api/types';
import { useAction } from '../api/use-action';
import type { CursorList } from '../api/use-cursor-list';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { ReplyForm } from './ReplyForm';
import { ReplyView } from './ReplyView';

interface Props {
  thread: ThreadDetail;
  replies: CursorList<Reply>;
  meId: string;
  onAccepted(): void;
}

/** Quoted text as Markdown: each line of the earlier reply behind "> ". */
function quoteOf(reply: Reply): string {
  return `${reply.body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n\n`;
}

/** The accepted answer first, then every reply oldest first, then the form to add one. */
export function RepliesSection({ thread, replies, meId, onAccepted }: Props) {
  const [body, setBody] = useState('');
  const [quoted, setQuoted] = useState<Reply | null>(null);
  const [posted, setPosted] = useState<Reply | null>(null);
  const accept = useAction();
  const canAccept = thread.viewer.canAcceptAnswer && thread.kind === 'question';
  const replace = (reply: Reply) =>
    replies.update((items) => items.map((item) => (item.id === reply.id ? reply : item)));

  const onAccept = (reply: Reply, yes: boolean) =>
    void accept.run(
      () =>
        yes
          ? api.PUT('/api/threads/{id}/accepted-reply', {
              params: { path: { id: thread.id } },
              body: { replyId: reply.id },
            })
          : api.DELETE('/api/threads/{id}/accepted-reply', { params: { path: { id: thread.id } } }),
      () => {
        replies.update((items) => items.map((item) => ({ ...item, isAccepted: yes && item.id === reply.id })));
        onAccepted();
      },
    );
  const common = {
    meId,
    canReply: thread.viewer.canReply,
    canAccept,
    canModerate: thread.viewer.canModerate,
    onChanged: replace,
    onAccept,
  };
  const onQuote = (reply: Reply) => {
    setQuoted(reply);
    setBody((current) => quoteOf(reply) + current);
    document.getElementById('replyBody')?.focus();
  };

  // After posting, focus goes to the new reply, so a keyboard or screen reader user lands on what
  // they wrote rather than on the page body; while earlier pages are still unloaded it is not
  // shown yet, so the status message takes focus instead.
  useEffect(() => {
    if (!posted) return;
    const shown = document.getElementById(`reply-${posted.id}`) ?? document.getElementById('reply-posted');
    shown?.focus();
  }, [posted]);

  return (
    <>
      {accept.problem && <p className="nhsuk-error-message">{accept.problem}</p>}
      {thread.acceptedReply && (
        <section aria-labelledby="accepted-heading">
          <h2 id="accepted-heading">Accepted answer</h2>
          <ReplyView reply={thread.acceptedReply} {...common} onQuote={onQuote} copy />
        </section>
      )}
      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">
          {thread.replyCount} {thread.replyCount === 1 ? 'reply' : 'replies'}
        </h2>
        {replies.status === 'failed' && replies.problem && <LoadProblem problem={replies.problem} />}
        <div aria-live="polite" aria-relevant="additions" data-testid="replies">
          {replies.items.map((reply) => (
            <ReplyView key={reply.id} reply={reply} {...common} onQuote={onQuote} />
          ))}
        </div>
        <ShowMore list={replies} what="replies" />
      </section>
      <p id="reply-posted" role="status" tabIndex={-1} className={posted ? 'nhsuk-body app-status' : undefined}>
        {posted && 'Your reply has been posted.'}
      </p>
      {thread.viewer.canReply && (
        <ReplyForm
          threadId={thread.id}
          body={body}
          onBodyChange={setBody}
          quoted={quoted}
          onClearQuote={() => setQuoted(null)}
          onPosted={(reply) => {
            setBody('');
            setQuoted(null);
            if (!replies.hasMore)
              replies.update((items) => (items.some((item) => item.id === reply.id) ? items : [...items, reply]));
            setPosted(reply);
          }}
        />
      )}
    </>
  );
}
