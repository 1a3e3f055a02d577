import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOneTimeCodes1795600000009 implements MigrationInterface {
  name = 'CreateOneTimeCodes1795600000009';

  async up(db: QueryRunner): Promise<void> {
    // When the account's address was first proved to reach its owner. Accounts made before
    // this change have none, so each confirms at its next sign-in; what an account posted
    // before then may have been posted by someone who was not the address's owner.
    await db.query(`ALTER TABLE users ADD COLUMN email_confirmed_at timestamptz`);
    // Set when the owner took the account over by a password reset and it had posted before
    // its address was confirmed: they are shown those posts until they have decided.
    await db.query(`ALTER TABLE users ADD COLUMN takeover_review_since timestamptz`);
    await db.query(`CREATE TYPE one_time_code_purpose AS ENUM ('confirm-address', 'reset-password', 'change-email')`);
    await db.query(`
      CREATE TABLE one_time_codes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        purpose one_time_code_purpose NOT NULL,
        user_id uuid NOT NULL,
        address text NOT NULL,
        code_hash text NOT NULL,
        token_hash text NOT NULL,
        tries integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        voided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT one_time_codes_pkey PRIMARY KEY (id),
        CONSTRAINT one_time_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX one_time_codes_token_hash_key ON one_time_codes (token_hash)`);
    // Codes are typed with the address they were sent to: the newest live one is looked up.
    await db.query(
      `CREATE INDEX one_time_codes_address_idx ON one_time_codes (address, purpose, created_at DESC)
        WHERE used_at IS NULL AND voided_at IS NULL`,
    );
    await db.query(`CREATE INDEX one_time_codes_user_id_idx ON one_time_codes (user_id, purpose)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE one_time_codes`);
    await db.query(`DROP TYPE one_time_code_purpose`);
    await db.query(`ALTER TABLE users DROP COLUMN takeover_review_since`);
    await db.query(`ALTER TABLE users DROP COLUMN email_confirmed_at`);
  }
}
