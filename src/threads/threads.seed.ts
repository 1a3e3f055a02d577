import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Collaborative } from '../collaboratives/collaborative.entity.js';
import { prepareBody } from '../common/markdown.js';
import type { DemoSeeder } from '../database/demo-seeder.js';
import { User } from '../users/user.entity.js';
import { changeVote, insertReply, insertThread, setAcceptedReply } from './thread-writes.js';
import { DEMO_THREADS, type DemoThread } from './threads.demo-data.js';

const HOUR = 60 * 60 * 1000;

/** A stable UUID per demo thread, so the seed recognises it even after edits or deletion. */
export function demoThreadId(key: string): string {
  const hex = createHash('sha1').update(`collaboratives-forum demo thread ${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Threads on the reports' themes. Adds each demo thread once, with its replies, votes and
 * accepted answer, through the same writes the API uses, so every counter is exact.
 */
@Injectable()
export class ThreadsSeeder implements DemoSeeder {
  readonly name = 'threads';

  async run(manager: EntityManager): Promise<void> {
    const existing = new Set<string>(
      (
        await manager.query(`SELECT id FROM threads WHERE id = ANY($1::uuid[])`, [
          DEMO_THREADS.map((demo) => demoThreadId(demo.key)),
        ])
      ).map((row: { id: string }) => row.id),
    );
    const collaboratives = new Map(
      (await manager.find(Collaborative, { select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
    );
    const users = new Map(
      (await manager.find(User, { select: { id: true, email: true } })).map((u) => [u.email, u.id]),
    );
    const person = (name: string) => users.get(`${name}@example.nhs.uk`);
    const now = Date.now();
    for (const demo of DEMO_THREADS) {
      const collaborativeId = collaboratives.get(demo.collaborative);
      const authorId = person(demo.author);
      if (existing.has(demoThreadId(demo.key)) || !collaborativeId || !authorId) continue;
      await this.add(manager, demo, collaborativeId, authorId, new Date(now - demo.daysAgo * 24 * HOUR), person);
    }
  }

  private async add(
    manager: EntityManager,
    demo: DemoThread,
    collaborativeId: string,
    authorId: string,
    at: Date,
    person: (name: string) => string | undefined,
  ) {
    const thread = await insertThread(manager, {
      id: demoThreadId(demo.key),
      collaborativeId,
      authorId,
      kind: demo.kind,
      title: demo.title,
      body: prepareBody(demo.body),
      tags: demo.tags,
      at,
    });
    const replyIds = new Map<string, string>();
    for (const reply of demo.replies) {
      const replyAuthor = person(reply.author);
      if (!replyAuthor) continue;
      const quotedReplyId = reply.quotes ? replyIds.get(reply.quotes) : undefined;
      const created = await insertReply(manager, {
        threadId: thread.id,
        authorId: replyAuthor,
        body: prepareBody(reply.body),
        quotedReplyId,
        at: new Date(at.getTime() + reply.after * HOUR),
      });
      if (!created) continue;
      replyIds.set(reply.key, created.id);
      await this.vote(manager, 'reply', created.id, reply.votes, person);
    }
    await this.vote(manager, 'thread', thread.id, demo.votes, person);
    const accepted = demo.accepted && replyIds.get(demo.accepted);
    if (accepted) await setAcceptedReply(manager, thread.id, accepted);
  }

  private async vote(
    manager: EntityManager,
    target: 'thread' | 'reply',
    id: string,
    voters: string[] = [],
    person: (name: string) => string | undefined,
  ) {
    for (const voter of voters) {
      const userId = person(voter);
      if (userId) await changeVote(manager, target, id, userId, true);
    }
  }
}
