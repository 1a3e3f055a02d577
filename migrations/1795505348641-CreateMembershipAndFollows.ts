import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMembershipAndFollows1795505348641 implements MigrationInterface {
  name = 'CreateMembershipAndFollows1795505348641';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE membership_role AS ENUM ('member', 'lead')`);
    await db.query(`CREATE TYPE join_request_status AS ENUM ('pending', 'approved', 'declined', 'withdrawn')`);
    await db.query(`
      CREATE TABLE collaborative_members (
        collaborative_id uuid NOT NULL,
        user_id uuid NOT NULL,
        role membership_role NOT NULL DEFAULT 'member',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collaborative_members_pkey PRIMARY KEY (collaborative_id, user_id),
        CONSTRAINT collaborative_members_collaborative_id_fkey FOREIGN KEY (collaborative_id) REFERENCES collaboratives (id) ON DELETE CASCADE,
        CONSTRAINT collaborative_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX collaborative_members_user_id_idx ON collaborative_members (user_id)`);
    await db.query(`
      CREATE TABLE collaborative_follows (
        collaborative_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collaborative_follows_pkey PRIMARY KEY (collaborative_id, user_id),
        CONSTRAINT collaborative_follows_collaborative_id_fkey FOREIGN KEY (collaborative_id) REFERENCES collaboratives (id) ON DELETE CASCADE,
        CONSTRAINT collaborative_follows_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX collaborative_follows_user_id_idx ON collaborative_follows (user_id, created_at)`);
    await db.query(`
      CREATE TABLE join_requests (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        collaborative_id uuid NOT NULL,
        user_id uuid NOT NULL,
        message text NOT NULL DEFAULT '',
        status join_request_status NOT NULL DEFAULT 'pending',
        decided_by_id uuid,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT join_requests_pkey PRIMARY KEY (id),
        CONSTRAINT join_requests_collaborative_id_fkey FOREIGN KEY (collaborative_id) REFERENCES collaboratives (id) ON DELETE CASCADE,
        CONSTRAINT join_requests_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT join_requests_decided_by_id_fkey FOREIGN KEY (decided_by_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    // At most one pending request per person and collaborative.
    await db.query(
      `CREATE UNIQUE INDEX join_requests_pending_key ON join_requests (collaborative_id, user_id) WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX join_requests_collaborative_id_idx ON join_requests (collaborative_id, created_at, id)`,
    );
    await db.query(`CREATE INDEX collaboratives_name_idx ON collaboratives (lower(name), id)`);
    await db.query(`CREATE INDEX collaboratives_activity_idx ON collaboratives (last_activity_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX collaboratives_activity_idx`);
    await db.query(`DROP INDEX collaboratives_name_idx`);
    await db.query(`DROP TABLE join_requests`);
    await db.query(`DROP TABLE collaborative_follows`);
    await db.query(`DROP TABLE collaborative_members`);
    await db.query(`DROP TYPE join_request_status`);
    await db.query(`DROP TYPE membership_role`);
  }
}
