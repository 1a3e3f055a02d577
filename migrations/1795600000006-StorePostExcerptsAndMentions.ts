import type { MigrationInterface, QueryRunner } from 'typeorm';

import { rerenderTable } from '../src/content/rerender-bodies.js';

// The posts notifications quote and scan for @mentions. Listed here, not taken from the
// re-render command, so this migration keeps meaning the same tables whatever comes later.
const POSTS = ['threads', 'replies', 'practice_comments'];

export class StorePostExcerptsAndMentions1795600000006 implements MigrationInterface {
  name = 'StorePostExcerptsAndMentions1795600000006';
  // Each batch commits on its own, so a big table is never locked whole and the forum can
  // keep writing; a run cut short resumes where it stopped (only empty rows are filled).
  transaction = false;

  constructor(private readonly batchSize = 5000) {}

  async up(db: QueryRunner): Promise<void> {
    // The notifications worker read each post's Markdown from its event and rendered it again
    // for the excerpt and the mentions; now both are worked out once on write and stored.
    for (const table of POSTS) {
      await db.query(
        `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS excerpt text, ADD COLUMN IF NOT EXISTS mentions text[]`,
      );
    }
    // A NOT VALID check holds for rows written from now on; the rows already there are
    // filled (again, for any written between the first fill and the check), then checked
    // without blocking writes, and SET NOT NULL trusts the check instead of scanning.
    for (const table of POSTS) await this.fill(db, table);
    for (const table of POSTS) {
      await db.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_rendered_check CHECK (excerpt IS NOT NULL AND mentions IS NOT NULL) NOT VALID`,
      );
      await this.fill(db, table);
      await db.query(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${table}_rendered_check`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN excerpt SET NOT NULL, ALTER COLUMN mentions SET NOT NULL`);
      await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_rendered_check`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...POSTS].reverse()) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN mentions, DROP COLUMN excerpt`);
    }
  }

  private async fill(db: QueryRunner, table: string): Promise<void> {
    await rerenderTable(
      db.manager,
      {
        table,
        key: [{ column: 'id', type: 'uuid' }],
        columns: [{ markdown: 'body', excerpt: 'excerpt', mentions: 'mentions' }],
        where: 'excerpt IS NULL OR mentions IS NULL',
      },
      { batchSize: this.batchSize },
    );
  }
}
