import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { renderMarkdown } from '../common/markdown.js';
import type { DemoSeeder } from '../database/demo-seeder.js';
import { EventStore } from '../events/event-store.service.js';
import { User } from '../users/user.entity.js';
import { Collaborative } from './collaborative.entity.js';
import { DEMO_COLLABORATIVES, DEMO_FOLLOWS, DEMO_MEMBERSHIPS } from './collaboratives.demo-data.js';
import { addFollow, upsertMember } from './membership-writes.js';

@Injectable()
export class CollaborativesSeeder implements DemoSeeder {
  readonly name = 'collaboratives';

  constructor(private readonly events: EventStore) {}

  async run(manager: EntityManager): Promise<void> {
    const rows = DEMO_COLLABORATIVES.map((demo) => ({ ...demo, descriptionHtml: renderMarkdown(demo.description) }));
    // Insert the missing ones only: an admin's later edits to a demo collaborative are kept.
    await manager.createQueryBuilder().insert().into(Collaborative).values(rows).orIgnore().execute();

    const ids = new Map(
      (await manager.find(Collaborative, { select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
    );
    const users = new Map(
      (await manager.find(User, { select: { id: true, email: true } })).map((u) => [u.email, u.id]),
    );
    const existing = new Set<string>(
      (await manager.query(`SELECT collaborative_id || ':' || user_id AS key FROM collaborative_members`)).map(
        (row: { key: string }) => row.key,
      ),
    );
    for (const { slug, email, role } of DEMO_MEMBERSHIPS) {
      const collaborativeId = ids.get(slug);
      const userId = users.get(email);
      if (!collaborativeId || !userId || existing.has(`${collaborativeId}:${userId}`)) continue;
      await upsertMember(manager, this.events, collaborativeId, userId, role);
    }
    for (const { slug, email } of DEMO_FOLLOWS) {
      const collaborativeId = ids.get(slug);
      const userId = users.get(email);
      if (collaborativeId && userId) await addFollow(manager, collaborativeId, userId);
    }
  }
}
