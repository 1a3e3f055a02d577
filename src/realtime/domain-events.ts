/**
 * Every event a user-visible write appends, by type, with the payload clients receive.
 * Modules add their own entries here as they grow.
 */
import type { NotificationDto } from '../notifications/dto/notification.dto.js';
import type { CommentDto } from '../practices/dto/comment.dto.js';
import type { PracticeDto } from '../practices/dto/practice.dto.js';
import type { ReplyDto } from '../threads/dto/reply.dto.js';
import type { ThreadDto } from '../threads/dto/thread.dto.js';

export interface DomainEventMap {
  'practice.published': PracticeDto;
  'practice.updated': PracticeDto;
  'practice.deleted': { practiceId: string; collaborativeId: string | null };
  'comment.created': CommentDto;
  'comment.updated': CommentDto;
  'comment.deleted': { commentId: string; practiceId: string };
  'endorsements.changed': { practiceId: string; endorsementCount: number };
  'notification.created': NotificationDto;
  'membership.changed': { collaborativeId: string; userId: string; role: 'member' | 'lead' | null };
  'collaborative.visibility-changed': { collaborativeId: string; visibility: 'public' | 'members' };
  'user.suspended': { userId: string; until: string | null; reason: string };
  'user.role-changed': { userId: string; role: 'member' | 'moderator' | 'admin' };
  /** To the person only: these sign-in sessions ended, so their sockets close on every instance. */
  'session.ended': { userId: string; sessionIds: string[] };
  'join-request.decided': {
    requestId: string;
    collaborativeId: string;
    collaborativeName: string;
    status: 'approved' | 'declined';
  };
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
  'practice.hidden': PracticeDto;
  'practice.restored': PracticeDto;
  'comment.hidden': CommentDto;
  'comment.restored': CommentDto;
  /** To the affected person only: what moderators did to their content or account, and why. */
  'moderation.notice': ModerationNotice;
}

export interface ModerationNotice {
  action: string;
  targetType: 'thread' | 'reply' | 'practice' | 'comment' | 'user';
  targetId: string;
  threadId: string | null;
  practiceId: string | null;
  reason: string;
  actorId: string | null;
}

export type DomainEventType = keyof DomainEventMap;

/** Where an event is delivered and who may see it: the collaborative's readers, or one user. */
export interface DomainEventScope {
  collaborativeId?: string | null;
  threadId?: string | null;
  practiceId?: string | null;
  /** Set for events meant for one person only (their notifications). */
  userId?: string | null;
}

export type DomainEvent<T extends DomainEventType = DomainEventType> = DomainEventScope & {
  type: T;
  payload: DomainEventMap[T];
};
