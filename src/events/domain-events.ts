import type { Versioned } from './payload-version.js';

/**
 * Every event a user-visible write appends, by type, with the payload clients receive.
 * Each feature declares its own entries beside its code (`threads/thread-events.ts`,
 * `practices/practice-events.ts`, ...) by adding to this interface, so this layer
 * imports no feature. A content event whose content is deleted later is replayed as
 * `Deleted`, so its entry says `| Deleted`. Stored and delivered, each payload also has
 * its version, `v` (see payload-version.ts).
 */
export interface DomainEventMap {
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

/**
 * What a stored content event's payload becomes once its content is deleted (content/redaction.ts
 * rewrites every stored copy), so replays no longer carry its words. Its `*.deleted` event follows.
 */
export interface Deleted {
  id: string;
  deleted: true;
}

export type DomainEventType = keyof DomainEventMap;

/** A payload as a reader of stored events gets it: possibly redacted, and with its version. */
export type StoredPayload<T extends DomainEventType> = Versioned<DomainEventMap[T]>;

/** Whether a stored payload was redacted because its content was deleted. */
export function isDeleted<P extends object>(payload: P): payload is Extract<P, Deleted> {
  return 'deleted' in payload && payload.deleted === true;
}

/** Where an event is delivered and who may see it: the collaborative's readers, or one user. */
export interface DomainEventScope {
  collaborativeId?: string | null;
  threadId?: string | null;
  practiceId?: string | null;
  /** Set for events meant for one person only (their notifications). */
  userId?: string | null;
}

/** An event as a write appends it: never redacted (only stored copies are), and without its version (append adds it). */
export type DomainEvent<T extends DomainEventType = DomainEventType> = DomainEventScope & {
  type: T;
  payload: Exclude<DomainEventMap[T], Deleted>;
};
