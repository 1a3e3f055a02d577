import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateThreadFollows1795509069654 implements MigrationInterface {
  name = 'CreateThreadFollows1795509069654';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE thread_follows (
        thread_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT thread_follows_pkey PRIMARY KEY (thread_id, user_id),
        CONSTRAINT thread_follows_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES threads (id) ON DELETE CASCADE,
        CONSTRAINT thread_follows_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX thread_follows_user_id_idx ON thread_follows (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE thread_follows`);
  }
}
