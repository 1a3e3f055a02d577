import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: reports, the append-only audit log, and the columns that let threads and
 * replies be hidden (practices and comments already have them) and a thread be merged.
 */
export class CreateModeration1795600000000 implements MigrationInterface {
  name = 'CreateModeration1795600000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['threads', 'replies']) {
      await db.query(`
        ALTER TABLE ${table}
          ADD COLUMN hidden_at timestamptz,
          ADD COLUMN hidden_by_id uuid,
          ADD COLUMN hidden_reason text,
          ADD CONSTRAINT ${table}_hidden_by_id_fkey FOREIGN KEY (hidden_by_id) REFERENCES users (id) ON DELETE SET NULL`);
    }
    await db.query(`
      ALTER TABLE threads
        ADD COLUMN merged_into_id uuid,
        ADD CONSTRAINT threads_merged_into_id_fkey FOREIGN KEY (merged_into_id) REFERENCES threads (id) ON DELETE SET NULL`);

    await db.query(`CREATE TYPE report_target_type AS ENUM ('thread', 'reply', 'practice', 'comment', 'user')`);
    await db.query(
      `CREATE TYPE report_reason AS ENUM ('patient-identifiable-data', 'inaccurate', 'disrespectful', 'spam', 'confidential', 'other')`,
    );
    await db.query(`CREATE TYPE report_status AS ENUM ('open', 'resolved')`);
    await db.query(`
      CREATE TABLE reports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        reporter_id uuid NOT NULL,
        target_type report_target_type NOT NULL,
        target_id uuid NOT NULL,
        collaborative_id uuid,
        target_author_id uuid,
        reason report_reason NOT NULL,
        details text NOT NULL DEFAULT '',
        status report_status NOT NULL DEFAULT 'open',
        resolution text,
        resolution_note text,
        resolved_by_id uuid,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_pkey PRIMARY KEY (id),
        CONSTRAINT reports_reporter_id_fkey FOREIGN KEY (reporter_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT reports_target_author_id_fkey FOREIGN KEY (target_author_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT reports_collaborative_id_fkey FOREIGN KEY (collaborative_id) REFERENCES collaboratives (id) ON DELETE CASCADE,
        CONSTRAINT reports_resolved_by_id_fkey FOREIGN KEY (resolved_by_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT reports_resolved_check CHECK ((status = 'open') = (resolved_at IS NULL))
      )`);
    // One open report per person per target; a resolved one does not stop a new report.
    await db.query(
      `CREATE UNIQUE INDEX reports_one_open_key ON reports (reporter_id, target_type, target_id) WHERE status = 'open'`,
    );
    // The queue: open reports, oldest first, by target.
    await db.query(
      `CREATE INDEX reports_open_idx ON reports (target_type, target_id, created_at) WHERE status = 'open'`,
    );
    await db.query(`CREATE INDEX reports_collaborative_id_idx ON reports (collaborative_id)`);

    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY,
        actor_id uuid,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        target_author_id uuid,
        collaborative_id uuid,
        reason text,
        before jsonb NOT NULL DEFAULT '{}',
        after jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_log_pkey PRIMARY KEY (id)
      )`);
    await db.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id)`);
    await db.query(`CREATE INDEX audit_log_target_author_idx ON audit_log (target_author_id)`);
    await db.query(`CREATE INDEX audit_log_collaborative_idx ON audit_log (collaborative_id)`);
    // Append-only, whatever the client: no foreign keys (a deleted user must not rewrite
    // history through ON DELETE), and a trigger that refuses every UPDATE and DELETE.
    await db.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION audit_log_append_only()`);
    await db.query(`DROP TABLE reports`);
    await db.query(`DROP TYPE report_status`);
    await db.query(`DROP TYPE report_reason`);
    await db.query(`DROP TYPE report_target_type`);
    await db.query(`ALTER TABLE threads DROP COLUMN merged_into_id`);
    for (const table of ['replies', 'threads']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN hidden_reason, DROP COLUMN hidden_by_id, DROP COLUMN hidden_at`);
    }
  }
}
