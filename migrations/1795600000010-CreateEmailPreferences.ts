import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEmailPreferences1795600000010 implements MigrationInterface {
  name = 'CreateEmailPreferences1795600000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE email_kind AS ENUM ('replies', 'mentions', 'accepted-answers', 'followed-collaboratives', 'join-requests')`,
    );
    await db.query(`CREATE TYPE email_frequency AS ENUM ('immediate', 'digest', 'never')`);
    // Only choices that differ from the defaults need a row; a missing row means the default.
    await db.query(`
      CREATE TABLE email_preferences (
        user_id uuid NOT NULL,
        kind email_kind NOT NULL,
        frequency email_frequency NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_preferences_pkey PRIMARY KEY (user_id, kind),
        CONSTRAINT email_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    // One row per notification to email: waiting out the grace window, then queued as mail or
    // skipped with the reason (read meanwhile, hidden, deleted, out of reach, turned off).
    await db.query(`CREATE TYPE notification_email_status AS ENUM ('waiting', 'queued', 'skipped')`);
    await db.query(`
      CREATE TABLE notification_emails (
        notification_id uuid NOT NULL,
        user_id uuid NOT NULL,
        kind email_kind,
        due_at timestamptz NOT NULL,
        status notification_email_status NOT NULL DEFAULT 'waiting',
        reason text,
        decided_at timestamptz,
        CONSTRAINT notification_emails_pkey PRIMARY KEY (notification_id),
        CONSTRAINT notification_emails_notification_id_fkey FOREIGN KEY (notification_id)
          REFERENCES notifications (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX notification_emails_due_idx ON notification_emails (due_at) WHERE status = 'waiting'`);
    await db.query(`CREATE INDEX notification_emails_user_id_idx ON notification_emails (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_emails`);
    await db.query(`DROP TYPE notification_email_status`);
    await db.query(`DROP TABLE email_preferences`);
    await db.query(`DROP TYPE email_frequency`);
    await db.query(`DROP TYPE email_kind`);
  }
}
