import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessService, type CollaborativeAccess } from '../collaboratives/access.service.js';
import { Reply } from './reply.entity.js';
import { Thread } from './thread.entity.js';
import { replyWithAuthorAndThread, threadWithAuthor } from './with-author.js';

export interface ThreadInContext {
  thread: Thread;
  access: CollaborativeAccess;
}

export interface ReplyInContext extends ThreadInContext {
  reply: Reply;
}

const threadNotFound = () => new NotFoundException('No thread with this id.');
const replyNotFound = () => new NotFoundException('No reply with this id.');

/**
 * Loads a thread or reply and applies AccessService's rule to its collaborative. A
 * thread or reply in a collaborative the caller may not read answers exactly like a
 * missing id: the same 404, the same words.
 */
@Injectable()
export class ThreadGuard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The thread with its author, if the caller may read it. */
  read(user: AuthUser, threadId: string): Promise<ThreadInContext> {
    return this.inContext(threadId, (thread) => this.access.requireRead(user, thread.collaborativeId));
  }

  /** ... and may post in its collaborative: 409 when archived, 403 when members only. */
  post(user: AuthUser, threadId: string): Promise<ThreadInContext> {
    return this.inContext(threadId, (thread) => this.access.requirePost(user, thread.collaborativeId));
  }

  /** ... and leads its collaborative or is a site moderator (403 otherwise). */
  moderate(user: AuthUser, threadId: string): Promise<ThreadInContext> {
    return this.inContext(threadId, (thread) => this.access.requireModerate(user, thread.collaborativeId));
  }

  /** The reply with its author and thread, if the caller may read the thread. */
  readReply(user: AuthUser, replyId: string): Promise<ReplyInContext> {
    return this.replyInContext(replyId, (thread) => this.access.requireRead(user, thread.collaborativeId));
  }

  /** ... and may post in its collaborative. */
  postReply(user: AuthUser, replyId: string): Promise<ReplyInContext> {
    return this.replyInContext(replyId, (thread) => this.access.requirePost(user, thread.collaborativeId));
  }

  private async replyInContext(replyId: string, check: (thread: Thread) => Promise<CollaborativeAccess>): Promise<ReplyInContext> {
    const reply = await replyWithAuthorAndThread(this.dataSource.manager, replyId);
    if (!reply?.thread) throw replyNotFound();
    return { reply, thread: reply.thread, access: await hidden(check(reply.thread), replyNotFound) };
  }

  private async inContext(threadId: string, check: (thread: Thread) => Promise<CollaborativeAccess>): Promise<ThreadInContext> {
    const thread = await threadWithAuthor(this.dataSource.manager, threadId);
    if (!thread) throw threadNotFound();
    return { thread, access: await hidden(check(thread), threadNotFound) };
  }
}

/** AccessService names the collaborative in its 404; here the caller asked for a thread or reply. */
async function hidden<T>(check: Promise<T>, notFound: () => NotFoundException): Promise<T> {
  try {
    return await check;
  } catch (error) {
    throw error instanceof NotFoundException ? notFound() : error;
  }
}
