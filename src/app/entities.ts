import { AuditRecord } from '../audit/audit-record.entity.js';
import { AuthAttempt } from '../auth/auth-attempt.entity.js';
import { OneTimeCode } from '../auth/one-time-code.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { Collaborative } from '../collaboratives/collaborative.entity.js';
import { Follow } from '../collaboratives/follow.entity.js';
import { JoinRequest } from '../collaboratives/join-request.entity.js';
import { Membership } from '../collaboratives/membership.entity.js';
import { EventRecord } from '../events/event.entity.js';
import { EventCursor } from '../events/event-cursor.entity.js';
import { Report } from '../moderation/report.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { MailMessage } from '../outbox/mail-message.entity.js';
import { PRACTICE_ENTITIES } from '../practices/practice-relations.entities.js';
import { Reply } from '../threads/reply.entity.js';
import { ReplyRevision, ThreadRevision } from '../threads/revision.entities.js';
import { Thread } from '../threads/thread.entity.js';
import { ThreadFollow } from '../threads/thread-follow.entity.js';
import { ThreadView } from '../threads/thread-view.entity.js';
import { ReplyVote, ThreadVote } from '../threads/vote.entities.js';
import { User } from '../users/user.entity.js';

/** Every entity, listed explicitly: ESM and Jest make glob loading fragile. */
export const ENTITIES = [
  Collaborative,
  Membership,
  Follow,
  JoinRequest,
  User,
  Session,
  RefreshToken,
  AuthAttempt,
  OneTimeCode,
  EventRecord,
  EventCursor,
  Notification,
  Thread,
  Reply,
  ThreadVote,
  ReplyVote,
  ThreadView,
  ThreadRevision,
  ReplyRevision,
  ThreadFollow,
  ...PRACTICE_ENTITIES,
  Report,
  AuditRecord,
  MailMessage,
];
