import type { Reply, ThreadDetail } from '../api/types';
import type { CursorList } from '../api/use-cursor-list';
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
] as const;

interface Handlers {
  replies: CursorList<Reply>;
  setThread(change: (thread: ThreadDetail) => ThreadDetail): void;
  reloadThread(): void;
}

/** Keeps an open thread current: new replies appear, votes, edits, locks and answers follow. */
export function useThreadLive(threadId: string, { replies, setThread, reloadThread }: Handlers): void {
  useLiveSubject({ threadId });
  useLiveEvents(TYPES, (event) => {
    if (event.type === 'resync') {
      reloadThread();
      return replies.reload();
    }
    if (event.threadId !== threadId) return;
    switch (event.type) {
      case 'reply.created': {
        // A reply deleted since this event was stored is replayed as `{ id, deleted: true }`; its `reply.deleted` follows.
        if ('deleted' in event.data) return;
        // The event's reply is as every reader sees it, with nobody's vote.
        const reply: Reply = { ...event.data, voted: false };
        // Oldest first: a new reply belongs at the end, once the end has been loaded.
        if (!replies.hasMore)
          replies.update((items) => (items.some((item) => item.id === reply.id) ? items : [...items, reply]));
        setThread((thread) => ({ ...thread, replyCount: Math.max(thread.replyCount, reply.position) }));
        return;
      }
      case 'reply.updated': {
        if ('deleted' in event.data) return;
        const reply = event.data;
        return replies.update((items) =>
          items.map((item) => (item.id === reply.id ? { ...reply, voted: item.voted } : item)),
        );
      }
      case 'reply.deleted': {
        const { replyId } = event.data;
        const deletedAt = event.createdAt;
        return replies.update((items) =>
          items.map((item) => (item.id === replyId ? { ...item, deletedAt, author: null, bodyHtml: '' } : item)),
        );
      }
      case 'reply.hidden':
      case 'reply.restored':
        // The event carries the reply as readers see it; its author and moderators see more,
        // so the list is asked again, as this reader.
        return replies.reload();
      case 'votes.changed': {
        const { target, id, voteCount } = event.data;
        if (target === 'thread') return setThread((thread) => ({ ...thread, voteCount }));
        return replies.update((items) => items.map((item) => (item.id === id ? { ...item, voteCount } : item)));
      }
      case 'thread.pinned': {
        const { isPinned } = event.data;
        return setThread((thread) => ({ ...thread, isPinned }));
      }
      case 'thread.locked':
        return reloadThread();
      case 'thread.answer-accepted': {
        const accepted = event.data.acceptedReplyId;
        replies.update((items) => items.map((item) => ({ ...item, isAccepted: item.id === accepted })));
        return reloadThread();
      }
      default:
        return reloadThread();
    }
  });
}
