import type { ReplyDto } from './dto/reply.dto.js';
import type { ThreadDto } from './dto/thread.dto.js';

/** The events this feature appends, added to the one typed map (see events/domain-events.ts). */
declare module '../events/domain-events.js' {
  interface DomainEventMap {
    'thread.created': ThreadDto;
    'thread.updated': ThreadDto;
    'thread.deleted': { threadId: string; collaborativeId: string };
    'thread.pinned': { threadId: string; isPinned: boolean };
    'thread.locked': { threadId: string; isLocked: boolean };
    'thread.answer-accepted': { threadId: string; acceptedReplyId: string | null };
    'reply.created': ReplyDto;
    'reply.updated': ReplyDto;
    'reply.deleted': { replyId: string; threadId: string };
    'votes.changed': { target: 'thread' | 'reply'; id: string; threadId: string; voteCount: number };
    // Moderation: public events carry what every reader may see (hidden content as its notice).
    'thread.hidden': ThreadDto;
    'thread.restored': ThreadDto;
    'thread.moved': { threadId: string; fromCollaborativeId: string; toCollaborativeId: string };
    'thread.merged': { threadId: string; mergedIntoId: string };
    'reply.hidden': ReplyDto;
    'reply.restored': ReplyDto;
  }
}
