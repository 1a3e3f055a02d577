import { describe, expect, test } from '@jest/globals';
import { ConflictException, ForbiddenException } from '@nestjs/common';

import type { CollaborativeAccess } from '../collaboratives/access.service.js';
import type { Collaborative } from '../collaboratives/collaborative.entity.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { Thread } from './thread.entity.js';
import {
  mayAcceptAnswer,
  mayDelete,
  mayEdit,
  mayReply,
  requireMayAcceptAnswer,
  requireMayDelete,
  requireMayEdit,
  requireNotOwn,
} from './thread-rules.js';

const author: AuthUser = { id: 'author', role: 'member', sessionId: 's1' };
const other: AuthUser = { id: 'other', role: 'member', sessionId: 's2' };

const access = (overrides: Partial<CollaborativeAccess> = {}, archived = false): CollaborativeAccess => ({
  collaborative: { archivedAt: archived ? new Date() : null } as Collaborative,
  membership: null,
  canRead: true,
  canPost: !archived,
  canModerate: false,
  ...overrides,
});
const thread = (overrides: Partial<Thread> = {}) =>
  ({ authorId: 'author', deletedAt: null, isLocked: false, kind: 'question', ...overrides }) as Thread;

describe('thread rules', () => {
  test('only the author edits, and only live content in an open collaborative', () => {
    expect(mayEdit(author, thread(), access())).toBe(true);
    expect(mayEdit(other, thread(), access({ canModerate: true }))).toBe(false);
    expect(mayEdit(author, thread({ deletedAt: new Date() }), access())).toBe(false);
    expect(mayEdit(author, thread(), access({}, true))).toBe(false);
    expect(() => requireMayEdit(other, thread(), access(), 'thread')).toThrow(ForbiddenException);
    expect(() => requireMayEdit(author, thread(), access({}, true), 'thread')).toThrow(ConflictException);
  });

  test('the author deletes while the collaborative is open; a moderator is sent to the route that takes a reason', () => {
    expect(mayDelete(author, thread(), access())).toBe(true);
    expect(mayDelete(author, thread(), access({}, true))).toBe(false);
    expect(mayDelete(other, thread(), access({ canModerate: true }))).toBe(false);
    expect(mayDelete(other, thread(), access())).toBe(false);
    expect(() => requireMayDelete(other, thread(), access(), 'reply')).toThrow(
      'Only its author can delete this reply.',
    );
    expect(() => requireMayDelete(other, thread(), access({ canModerate: true }), 'reply')).toThrow(
      'POST /api/replies/{id}/delete',
    );
  });

  test('replies need the right to post and a live, unlocked thread', () => {
    expect(mayReply(thread(), access())).toBe(true);
    expect(mayReply(thread({ isLocked: true }), access())).toBe(false);
    expect(mayReply(thread({ deletedAt: new Date() }), access())).toBe(false);
    expect(mayReply(thread(), access({ canPost: false }))).toBe(false);
  });

  test('the asker or a moderator accepts, on a question only', () => {
    expect(mayAcceptAnswer(author, thread(), access())).toBe(true);
    expect(mayAcceptAnswer(other, thread(), access({ canModerate: true }))).toBe(true);
    expect(mayAcceptAnswer(other, thread(), access())).toBe(false);
    expect(mayAcceptAnswer(author, thread({ kind: 'discussion' }), access())).toBe(false);
    expect(() => requireMayAcceptAnswer(other, thread(), access())).toThrow(ForbiddenException);
    expect(() => requireMayAcceptAnswer(author, thread({ kind: 'discussion' }), access())).toThrow(ConflictException);
  });

  test('nobody votes for their own content', () => {
    expect(() => requireNotOwn(author, thread(), 'thread')).toThrow('You cannot vote for your own thread.');
    expect(() => requireNotOwn(other, thread(), 'thread')).not.toThrow();
  });
});
