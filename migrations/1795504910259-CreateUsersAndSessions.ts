import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndSessions1795504910259 implements MigrationInterface {
  name = 'CreateUsersAndSessions1795504910259';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE user_sector AS ENUM ('acute', 'mental-health', 'community', 'specialist', 'ambulance', 'primary-care', 'other')`,
    );
    await db.query(`CREATE TYPE user_role AS ENUM ('member', 'moderator', 'admin')`);
    await db.query(`CREATE TYPE user_status AS ENUM ('active', 'suspended')`);
    await db.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        organisation text NOT NULL,
        job_title text NOT NULL,
        sector user_sector NOT NULL,
        bio text NOT NULL DEFAULT '',
        role user_role NOT NULL DEFAULT 'member',
        status user_status NOT NULL DEFAULT 'active',
        suspended_until timestamptz,
        suspension_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_pkey PRIMARY KEY (id)
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await db.query(`
      CREATE TABLE sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        user_agent text NOT NULL DEFAULT '',
        ip text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text,
        CONSTRAINT sessions_pkey PRIMARY KEY (id),
        CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE refresh_tokens (
        token_hash text NOT NULL,
        session_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        CONSTRAINT refresh_tokens_pkey PRIMARY KEY (token_hash),
        CONSTRAINT refresh_tokens_session_id_fkey FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX refresh_tokens_session_id_idx ON refresh_tokens (session_id)`);
    await db.query(`
      CREATE TABLE auth_attempts (
        key text NOT NULL,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT auth_attempts_pkey PRIMARY KEY (key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE auth_attempts`);
    await db.query(`DROP TABLE refresh_tokens`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TYPE user_status`);
    await db.query(`DROP TYPE user_role`);
    await db.query(`DROP TYPE user_sector`);
  }
}
