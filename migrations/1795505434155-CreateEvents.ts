import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvents1795505434155 implements MigrationInterface {
  name = 'CreateEvents1795505434155';

  async up(db: QueryRunner): Promise<void> {
    // Writers take a transaction-level advisory lock before appending (see EventStore), so
    // ids become visible in commit order and a reader resuming after id N never misses one.
    await db.query(`
      CREATE TABLE events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        collaborative_id uuid,
        thread_id uuid,
        practice_id uuid,
        user_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_pkey PRIMARY KEY (id)
      )`);
    await db.query(`CREATE INDEX events_created_at_idx ON events (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events`);
  }
}
