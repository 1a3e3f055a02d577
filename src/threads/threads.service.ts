import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AccessService, type CollaborativeAccess } from '../collaboratives/access.service.js';
import { prepareBody } from '../common/markdown.js';
import { ContentWrites } from '../content/content-writes.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { type ThreadDetailDto, toThreadDto } from './dto/thread.dto.js';
import type { CreateThreadDto, UpdateThreadDto } from './dto/write-thread.dto.js';
import { RepliesService } from './replies.service.js';
import { RevisionsService } from './revisions.service.js';
import { Thread } from './thread.entity.js';
import { ThreadAccess } from './thread-access.js';
import {
  mayAcceptAnswer,
  mayDelete,
  mayEdit,
  mayReply,
  requireLive,
  requireMayDelete,
  requireMayEdit,
  seesHidden,
} from './thread-rules.js';
import { ThreadViewsService } from './thread-views.service.js';
import { insertThread } from './thread-writes.js';

/** Asking, reading, editing and deleting one thread. Lists are ThreadListsService's. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly guard: ThreadAccess,
    private readonly views: ThreadViewsService,
    private readonly replies: RepliesService,
    private readonly revisions: RevisionsService,
    private readonly events: EventStore,
    private readonly content: ContentWrites,
  ) {}

  /** `linked` writes what else belongs with the new thread, in its transaction (all or nothing). */
  async ask(
    user: AuthUser,
    collaborativeId: string,
    dto: CreateThreadDto,
    linked?: (manager: EntityManager, threadId: string) => Promise<void>,
  ): Promise<ThreadDetailDto> {
    await this.access.requirePost(user, collaborativeId);
    const body = prepareBody(dto.body);
    const thread = await this.dataSource.transaction(async (manager) => {
      const created = await insertThread(manager, {
        collaborativeId,
        authorId: user.id,
        kind: dto.kind ?? 'question',
        title: dto.title,
        body,
        tags: dto.tags ?? [],
      });
      await linked?.(manager, created.id);
      await this.events.append(manager, {
        type: 'thread.created',
        collaborativeId,
        threadId: created.id,
        payload: toThreadDto(created),
      });
      return created;
    });
    return this.show(user, thread.id, { countView: false });
  }

  /**
   * The thread with its accepted answer and what the caller may do; counts a first view.
   * With `include: 'replies'` also the first page of replies, read with the same access
   * check, so the page a person opens takes one request.
   */
  async show(
    user: AuthUser,
    threadId: string,
    options: { countView?: boolean; replies?: { limit: number } } = {},
  ): Promise<ThreadDetailDto> {
    const { thread, access } = await this.guard.read(user, threadId);
    const countView = options.countView ?? true;
    if (!options.replies) return this.detail(user, thread, access, countView);
    const [detail, replies] = await Promise.all([
      this.detail(user, thread, access, countView),
      this.replies.pageOf(user, thread, access, options.replies),
    ]);
    return { ...detail, replies };
  }

  async edit(user: AuthUser, threadId: string, dto: UpdateThreadDto): Promise<ThreadDetailDto> {
    const { thread, access } = await this.guard.read(user, threadId);
    requireMayEdit(user, thread, access, 'thread');
    // Rendered before the row lock is taken: the lock is held only for the writes.
    const body = dto.body === undefined ? null : prepareBody(dto.body);
    await this.dataSource.transaction(async (manager) => {
      // NO KEY UPDATE: new replies' key-share locks on the thread are not blocked by it.
      await manager.query(`SELECT 1 FROM threads WHERE id = $1 FOR NO KEY UPDATE`, [threadId]);
      const current = await manager.findOneOrFail(Thread, { where: { id: threadId } });
      requireLive(current, 'thread');
      const next = {
        title: dto.title ?? current.title,
        body: body?.markdown ?? current.body,
        tags: dto.tags ?? current.tags,
      };
      const unchanged =
        next.title === current.title && next.body === current.body && next.tags.join() === current.tags.join();
      if (unchanged) return;
      await this.revisions.recordThread(manager, threadId, user.id);
      const rendered = body ? { bodyHtml: body.html, excerpt: body.excerpt, mentions: body.mentions } : {};
      await manager.update(Thread, { id: threadId }, { ...next, ...rendered, editedAt: () => 'now()' });
      const edited = await manager.findOneOrFail(Thread, { where: { id: threadId }, relations: { author: true } });
      await this.events.append(manager, {
        type: 'thread.updated',
        collaborativeId: current.collaborativeId,
        threadId,
        payload: toThreadDto(edited),
      });
    });
    return this.show(user, threadId, { countView: false });
  }

  /** Soft: the thread becomes a tombstone and its replies stay readable. Deleting twice is harmless. */
  async remove(user: AuthUser, threadId: string): Promise<void> {
    const { thread, access } = await this.guard.read(user, threadId);
    requireMayDelete(user, thread, access, 'thread');
    const place = {
      type: 'thread',
      id: threadId,
      collaborativeId: thread.collaborativeId,
      threadId,
      practiceId: null,
    } as const;
    await this.dataSource.transaction((manager) => this.content.delete(manager, place, user.id));
  }

  private async detail(
    user: AuthUser,
    thread: Thread,
    access: CollaborativeAccess,
    countView: boolean,
  ): Promise<ThreadDetailDto> {
    const { viewCount, ...follows } = await this.views.open(user, thread, countView);
    thread.viewCount = viewCount;
    return {
      ...toThreadDto(thread, seesHidden(user, thread, access)),
      acceptedReply: await this.replies.acceptedOf(user, thread, access.canModerate),
      viewer: {
        ...follows,
        canEdit: mayEdit(user, thread, access),
        canDelete: mayDelete(user, thread, access),
        canReply: mayReply(thread, access),
        canAcceptAnswer: mayAcceptAnswer(user, thread, access),
        canModerate: access.canModerate,
      },
    };
  }
}
