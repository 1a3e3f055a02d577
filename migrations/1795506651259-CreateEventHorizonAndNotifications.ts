import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventHorizonAndNotifications1795506651259 implements MigrationInterface {
  name = 'CreateEventHorizonAndNotifications1795506651259';

  async up(db: QueryRunner): Promise<void> {
    // Named cursors over the event stream: the pruning horizon and durable consumers.
    await db.query(`
      CREATE TABLE event_cursors (
        name text NOT NULL,
        event_id bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_cursors_pkey PRIMARY KEY (name)
      )`);
    await db.query(`INSERT INTO event_cursors (name, event_id) VALUES ('pruned-through', 0)`);
    await db.query(`CREATE TYPE follow_level AS ENUM ('all', 'questions-and-practices', 'none')`);
    await db.query(`ALTER TABLE collaborative_follows ADD COLUMN level follow_level NOT NULL DEFAULT 'all'`);
    await db.query(`ALTER TABLE users ADD COLUMN handle text`);
    await db.query(
      `UPDATE users SET handle = 'user-' || substr(replace(id::text, '-', ''), 1, 12) WHERE handle IS NULL`,
    );
    await db.query(`ALTER TABLE users ALTER COLUMN handle SET NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX users_handle_key ON users (lower(handle))`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        type text NOT NULL,
        actor_id uuid,
        collaborative_id uuid,
        thread_id uuid,
        practice_id uuid,
        event_id bigint NOT NULL,
        data jsonb NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_pkey PRIMARY KEY (id),
        CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT notifications_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX notifications_user_id_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    // One notification per person per event, even if a consumer replays a batch.
    await db.query(`CREATE UNIQUE INDEX notifications_event_user_key ON notifications (event_id, user_id, type)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP INDEX users_handle_key`);
    await db.query(`ALTER TABLE users DROP COLUMN handle`);
    await db.query(`ALTER TABLE collaborative_follows DROP COLUMN level`);
    await db.query(`DROP TYPE follow_level`);
    await db.query(`DROP TABLE event_cursors`);
  }
}
