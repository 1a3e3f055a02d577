import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { DemoSeeder } from '../database/demo-seeder.js';
import { Practice } from './practice.entity.js';
import { contentChanges } from './practice-writes.js';
import { DEMO_PRACTICES } from './practices.demo-data.js';

/** Published demo case studies; stable ids, so edited or deleted ones are never re-added. */
@Injectable()
export class PracticesSeeder implements DemoSeeder {
  readonly name = 'case studies';

  async run(manager: EntityManager): Promise<void> {
    for (const { id, slug, authorEmail, ...content } of DEMO_PRACTICES) {
      const [author] = await manager.query(`SELECT id FROM users WHERE email = $1`, [authorEmail]);
      const [collaborative] = slug ? await manager.query(`SELECT id FROM collaboratives WHERE slug = $1`, [slug]) : [];
      if (!author) continue;
      await manager
        .createQueryBuilder()
        .insert()
        .into(Practice)
        .values({
          ...contentChanges(content),
          id,
          authorId: author.id,
          collaborativeId: collaborative?.id ?? null,
          status: 'published',
          publishedAt: new Date(),
          lastActivityAt: new Date(),
        })
        .orIgnore()
        .execute();
    }
  }
}
