// Generated from the server's typed event map (src/events/domain-events.ts and the entries each
// feature adds) by `npm run api:generate`. Do not edit: test/api-types.e2e-spec.ts fails when
// this file and the server disagree.

/**
 * The version of a payload's shape, in every `data` as `v`. A change to a type's payload
 * shape bumps its version: ignore events whose version you do not know.
 */
export type PayloadVersion = 1;

/** Each event type's payload; `data` carries it with its version. */
export interface EventPayloads {
  'collaborative.visibility-changed': {
    collaborativeId: string;
    visibility: 'members' | 'public';
  };
  'comment.created': CommentDto | Deleted;
  'comment.deleted': {
    commentId: string;
    practiceId: string;
  };
  'comment.hidden': CommentDto | Deleted;
  'comment.restored': CommentDto | Deleted;
  'comment.updated': CommentDto | Deleted;
  'endorsements.changed': {
    practiceId: string;
    endorsementCount: number;
  };
  'join-request.decided': {
    requestId: string;
    collaborativeId: string;
    collaborativeName: string;
    status: 'approved' | 'declined';
  };
  'membership.changed': {
    collaborativeId: string;
    userId: string;
    role: 'lead' | 'member' | null;
  };
  /** To the affected person only: what moderators did to their content or account, and why. */
  'moderation.notice': ModerationNotice;
  'notification.created': NotificationDto;
  'practice.deleted': {
    practiceId: string;
    collaborativeId: string | null;
  };
  'practice.hidden': Deleted | PracticeDto;
  'practice.published': Deleted | PracticeDto;
  'practice.restored': Deleted | PracticeDto;
  'practice.updated': Deleted | PracticeDto;
  'reply.created': Deleted | ReplyDto;
  'reply.deleted': {
    replyId: string;
    threadId: string;
  };
  'reply.hidden': Deleted | ReplyDto;
  'reply.restored': Deleted | ReplyDto;
  'reply.updated': Deleted | ReplyDto;
  /** To the person only: these sign-in sessions ended, so their sockets close on every instance. */
  'session.ended': {
    userId: string;
    sessionIds: string[];
  };
  'thread.answer-accepted': {
    threadId: string;
    acceptedReplyId: string | null;
  };
  'thread.created': Deleted | ThreadDto;
  'thread.deleted': {
    threadId: string;
    collaborativeId: string;
  };
  'thread.hidden': Deleted | ThreadDto;
  'thread.locked': {
    threadId: string;
    isLocked: boolean;
  };
  'thread.merged': {
    threadId: string;
    mergedIntoId: string;
  };
  'thread.moved': {
    threadId: string;
    fromCollaborativeId: string;
    toCollaborativeId: string;
  };
  'thread.pinned': {
    threadId: string;
    isPinned: boolean;
  };
  'thread.restored': Deleted | ThreadDto;
  'thread.updated': Deleted | ThreadDto;
  'user.role-changed': {
    userId: string;
    role: 'admin' | 'member' | 'moderator';
  };
  'user.suspended': {
    userId: string;
    until: string | null;
    reason: string;
  };
  'votes.changed': {
    target: 'reply' | 'thread';
    id: string;
    threadId: string;
    voteCount: number;
  };
}

export type EventType = keyof EventPayloads;

/** One event as the server delivers it: live (under its type), replayed, or from GET /api/events. */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  collaborativeId: string | null;
  threadId?: string;
  practiceId?: string;
  createdAt: string;
  data: EventPayloads[T] & { v: PayloadVersion };
}

/** Any event: checking `type` narrows `data`. */
export type LiveEvent = { [T in EventType]: EventEnvelope<T> }[EventType];

export interface CommentDto {
  id: string;
  practiceId: string;
  author: PublicProfileDto | null;
  body: string;
  bodyHtml: string;
  hidden: boolean;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** What a stored content event's payload becomes once its content is deleted (content/redaction.ts rewrites every stored copy), so replays no longer carry its words. Its `*.deleted` event follows. */
export interface Deleted {
  id: string;
  deleted: true;
}

export interface ModerationNotice {
  action: string;
  targetType: 'comment' | 'practice' | 'reply' | 'thread' | 'user';
  targetId: string;
  threadId: string | null;
  practiceId: string | null;
  reason: string;
  actorId: string | null;
}

export interface NotificationDto {
  id: string;
  type: string;
  title: string;
  excerpt?: string;
  actorId: string | null;
  actorName: string | null;
  collaborativeId: string | null;
  threadId: string | null;
  practiceId: string | null;
  read: boolean;
  createdAt: string;
}

export interface OutcomeMeasureDto {
  label: string;
  before: number;
  after: number;
  unit: string;
}

export interface PracticeDto {
  challenge: string;
  challengeHtml: string;
  approach: string;
  approachHtml: string;
  outcomes: string;
  outcomesHtml: string;
  lessons: string;
  lessonsHtml: string;
  organisations: string[];
  contact: string;
  coAuthors: PublicProfileDto[];
  editedAt: string | null;
  id: string;
  collaborativeId: string | null;
  title: string;
  summary: string;
  outcomeMeasures: OutcomeMeasureDto[];
  sectors: string[];
  themes: string[];
  tags: string[];
  author: PublicProfileDto | null;
  status: 'draft' | 'published';
  publishedAt: string | null;
  endorsementCount: number;
  commentCount: number;
  viewCount: number;
  hidden: boolean;
  deletedAt: string | null;
}

/** What any signed-in user may see of another. */
export interface PublicProfileDto {
  id: string;
  displayName: string;
  handle: string;
  organisation: string;
  jobTitle: string;
  sector: 'acute' | 'ambulance' | 'community' | 'mental-health' | 'other' | 'primary-care' | 'specialist';
  bio: string;
  role: 'admin' | 'member' | 'moderator';
  createdAt: string;
  email?: string;
}

/** A reply as every reader sees it (and as live events carry it). */
export interface ReplyDto {
  id: string;
  threadId: string;
  position: number;
  author: PublicProfileDto | null;
  body: string;
  bodyHtml: string;
  quotedReplyId: string | null;
  voteCount: number;
  isAccepted: boolean;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  hidden: boolean;
  hiddenReason: string | null;
}

/** A whole thread, as every reader sees it (and as live events carry it). */
export interface ThreadDto {
  body: string;
  bodyHtml: string;
  id: string;
  collaborativeId: string;
  kind: 'discussion' | 'question';
  title: string;
  tags: string[];
  author: PublicProfileDto | null;
  replyCount: number;
  voteCount: number;
  viewCount: number;
  acceptedReplyId: string | null;
  isPinned: boolean;
  isLocked: boolean;
  createdAt: string;
  lastActivityAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  mergedIntoId: string | null;
}
