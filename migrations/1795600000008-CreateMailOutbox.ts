import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox: every email is a row written in the transaction of what caused it, then
 * sent by the mail worker (see docs/mail.md). pg-boss keeps its own jobs in its own schema.
 */
export class CreateMailOutbox1795600000008 implements MigrationInterface {
  name = 'CreateMailOutbox1795600000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE mail_category AS ENUM ('account', 'notification', 'digest')`);
    await db.query(`CREATE TYPE mail_status AS ENUM ('pending', 'sent', 'failed')`);
    await db.query(`
      CREATE TABLE mail_messages (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        message_id text NOT NULL,
        idempotency_key text,
        recipient_id uuid,
        to_address text NOT NULL,
        category mail_category NOT NULL,
        template text NOT NULL,
        data jsonb,
        status mail_status NOT NULL DEFAULT 'pending',
        transport text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        retried_at timestamptz,
        CONSTRAINT mail_messages_pkey PRIMARY KEY (id)
      )`);
    await db.query(`CREATE UNIQUE INDEX mail_messages_message_id_key ON mail_messages (message_id)`);
    await db.query(`CREATE UNIQUE INDEX mail_messages_idempotency_key ON mail_messages (idempotency_key)`);
    await db.query(`CREATE INDEX mail_messages_status_idx ON mail_messages (status, created_at, id)`);
    await db.query(`CREATE INDEX mail_messages_created_idx ON mail_messages (created_at, id)`);
    await db.query(`CREATE INDEX mail_messages_to_idx ON mail_messages (to_address, created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_messages`);
    await db.query(`DROP TYPE mail_status`);
    await db.query(`DROP TYPE mail_category`);
  }
}
