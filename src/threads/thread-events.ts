import type { Deleted } from '../events/domain-events.js';
import type { ReplyDto } from './dto/reply.dto.js';
import type { ThreadDto } from './dto/thread.dto.js';

/**
 * The events this feature appends, added to the one typed map (see events/domain-events.ts).
 * `| Deleted`: content/redaction.ts rewrites stored copies of deleted content (each kind's storedEvents).
 */
declare module '../events/domain-events.js' {
  interface DomainEventMap {
    'thread.created': ThreadDto | Deleted;
    'thread.updated': ThreadDto | Deleted;
    'thread.deleted': { threadId: string; collaborativeId: string };
    'thread.pinned': { threadId: string; isPinned: boolean };
    'thread.locked': { threadId: string; isLocked: boolean };
    'thread.answer-accepted': { threadId: string; acceptedReplyId: string | null };
    'reply.created': ReplyDto | Deleted;
    'reply.updated': ReplyDto | Deleted;
    'reply.deleted': { replyId: string; threadId: string };
    'votes.changed': { target: 'thread' | 'reply'; id: string; threadId: string; voteCount: number };
    // Moderation: public events carry what every reader may see (hidden content as its notice).
    'thread.hidden': ThreadDto | Deleted;
    'thread.restored': ThreadDto | Deleted;
    'thread.moved': { threadId: string; fromCollaborativeId: string; toCollaborativeId: string };
    'thread.merged': { threadId: string; mergedIntoId: string };
    'reply.hidden': ReplyDto | Deleted;
    'reply.restored': ReplyDto | Deleted;
  }
}
