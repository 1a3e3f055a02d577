import type { Reply, ThreadDetail } from '../api/types';
import type { CursorList } from '../api/use-cursor-list';
import type { LiveEnvelope } from '../live/live-connection';
import { useLiveEvents, useLiveSubject } from '../live/use-live';

const TYPES = [
  'reply.created',
  'reply.updated',
  'reply.deleted',
  'votes.changed',
  'thread.updated',
  'thread.deleted',
  'thread.pinned',
  'thread.locked',
  'thread.answer-accepted',
  'thread.hidden',
  'thread.restored',
  'thread.moved',
  'thread.merged',
  'reply.hidden',
  'reply.restored',
];

interface Handlers {
  replies: CursorList<Reply>;
  setThread(change: (thread: ThreadDetail) => ThreadDetail): void;
  reloadThread(): void;
}

/** Keeps an open thread current: new replies appear, votes, edits, locks and answers follow. */
export function useThreadLive(threadId: string, { replies, setThread, reloadThread }: Handlers): void {
  useLiveSubject({ threadId });
  useLiveEvents(TYPES, (event: LiveEnvelope) => {
    if (event.type === 'resync') {
      reloadThread();
      return replies.reload();
    }
    if (event.threadId !== threadId) return;
    const data = event.data as Record<string, unknown>;
    // A reply deleted since this event was stored is replayed as `{ id, deleted: true }`; its `reply.deleted` follows.
    if (data.deleted === true && (event.type === 'reply.created' || event.type === 'reply.updated')) return;
    switch (event.type) {
      case 'reply.created': {
        const reply: Reply = { ...(data as unknown as Reply), voted: Boolean((data as { voted?: boolean }).voted) };
        // Oldest first: a new reply belongs at the end, once the end has been loaded.
        if (!replies.hasMore)
          replies.update((items) => (items.some((item) => item.id === reply.id) ? items : [...items, reply]));
        setThread((thread) => ({ ...thread, replyCount: Math.max(thread.replyCount, reply.position) }));
        return;
      }
      case 'reply.updated': {
        const reply = data as unknown as Reply;
        return replies.update((items) =>
          items.map((item) => (item.id === reply.id ? { ...reply, voted: item.voted } : item)),
        );
      }
      case 'reply.deleted':
        return replies.update((items) =>
          items.map((item) =>
            item.id === data.replyId ? { ...item, deletedAt: event.createdAt, author: null, bodyHtml: '' } : item,
          ),
        );
      case 'reply.hidden':
      case 'reply.restored':
        // The event carries the reply as readers see it; its author and moderators see more,
        // so the list is asked again, as this reader.
        return replies.reload();
      case 'votes.changed':
        if (data.target === 'thread')
          return setThread((thread) => ({ ...thread, voteCount: data.voteCount as number }));
        return replies.update((items) =>
          items.map((item) => (item.id === data.id ? { ...item, voteCount: data.voteCount as number } : item)),
        );
      case 'thread.pinned':
        return setThread((thread) => ({ ...thread, isPinned: data.isPinned as boolean }));
      case 'thread.locked':
        return reloadThread();
      case 'thread.answer-accepted': {
        const accepted = data.acceptedReplyId as string | null;
        replies.update((items) => items.map((item) => ({ ...item, isAccepted: item.id === accepted })));
        return reloadThread();
      }
      default:
        return reloadThread();
    }
  });
}
