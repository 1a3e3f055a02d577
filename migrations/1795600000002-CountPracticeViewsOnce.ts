import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CountPracticeViewsOnce1795600000002 implements MigrationInterface {
  name = 'CountPracticeViewsOnce1795600000002';

  async up(db: QueryRunner): Promise<void> {
    // A case study's views become distinct readers, as a thread's are: the first visit writes
    // one row, later ones write nothing. Counts made by the old rule (every page load) cannot
    // be turned into readers, so they start again from zero.
    await db.query(`
      CREATE TABLE practice_views (
        practice_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_views_pkey PRIMARY KEY (practice_id, user_id),
        CONSTRAINT practice_views_practice_id_fkey FOREIGN KEY (practice_id) REFERENCES practices (id) ON DELETE CASCADE,
        CONSTRAINT practice_views_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`UPDATE practices SET view_count = 0 WHERE view_count <> 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE practice_views`);
  }
}
