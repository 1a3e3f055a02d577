import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateThreads1795506775347 implements MigrationInterface {
  name = 'CreateThreads1795506775347';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE thread_kind AS ENUM ('question', 'discussion')`);
    await db.query(`
      CREATE TABLE threads (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        collaborative_id uuid NOT NULL,
        author_id uuid NOT NULL,
        kind thread_kind NOT NULL DEFAULT 'question',
        title text NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        reply_count integer NOT NULL DEFAULT 0,
        vote_count integer NOT NULL DEFAULT 0,
        view_count integer NOT NULL DEFAULT 0,
        reply_seq integer NOT NULL DEFAULT 0,
        accepted_reply_id uuid,
        is_pinned boolean NOT NULL DEFAULT false,
        is_locked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by_id uuid,
        CONSTRAINT threads_pkey PRIMARY KEY (id),
        CONSTRAINT threads_tags_max CHECK (cardinality(tags) <= 5),
        CONSTRAINT threads_collaborative_id_fkey FOREIGN KEY (collaborative_id) REFERENCES collaboratives (id) ON DELETE CASCADE,
        CONSTRAINT threads_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT threads_deleted_by_id_fkey FOREIGN KEY (deleted_by_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`
      CREATE TABLE replies (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL,
        position integer NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        quoted_reply_id uuid,
        vote_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by_id uuid,
        CONSTRAINT replies_pkey PRIMARY KEY (id),
        CONSTRAINT replies_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES threads (id) ON DELETE CASCADE,
        CONSTRAINT replies_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT replies_quoted_reply_id_fkey FOREIGN KEY (quoted_reply_id) REFERENCES replies (id) ON DELETE SET NULL,
        CONSTRAINT replies_deleted_by_id_fkey FOREIGN KEY (deleted_by_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`
      ALTER TABLE threads ADD CONSTRAINT threads_accepted_reply_id_fkey
        FOREIGN KEY (accepted_reply_id) REFERENCES replies (id) ON DELETE SET NULL`);

    // One index per list order, each ending in the id so the keyset has a unique tiebreak.
    // Partial on live threads: deleted ones never appear in lists.
    await db.query(
      `CREATE INDEX threads_collaborative_activity_idx ON threads (collaborative_id, is_pinned DESC, last_activity_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX threads_collaborative_new_idx ON threads (collaborative_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX threads_collaborative_top_idx ON threads (collaborative_id, vote_count DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await db.query(`
      CREATE INDEX threads_collaborative_unanswered_idx ON threads (collaborative_id, created_at DESC, id DESC)
      WHERE deleted_at IS NULL AND kind = 'question' AND accepted_reply_id IS NULL`);
    // The feed across followed collaboratives.
    await db.query(
      `CREATE INDEX threads_activity_idx ON threads (last_activity_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await db.query(`CREATE INDEX threads_tags_idx ON threads USING gin (tags) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX threads_author_id_idx ON threads (author_id)`);
    await db.query(
      `CREATE INDEX threads_accepted_reply_id_idx ON threads (accepted_reply_id) WHERE accepted_reply_id IS NOT NULL`,
    );
    await db.query(`CREATE UNIQUE INDEX replies_thread_position_key ON replies (thread_id, position)`);
    await db.query(`CREATE INDEX replies_author_id_idx ON replies (author_id)`);
    await db.query(
      `CREATE INDEX replies_quoted_reply_id_idx ON replies (quoted_reply_id) WHERE quoted_reply_id IS NOT NULL`,
    );

    for (const target of ['thread', 'reply'] as const) {
      const table = target === 'thread' ? 'threads' : 'replies';
      await db.query(`
        CREATE TABLE ${target}_votes (
          ${target}_id uuid NOT NULL,
          user_id uuid NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT ${target}_votes_pkey PRIMARY KEY (${target}_id, user_id),
          CONSTRAINT ${target}_votes_${target}_id_fkey FOREIGN KEY (${target}_id) REFERENCES ${table} (id) ON DELETE CASCADE,
          CONSTRAINT ${target}_votes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
        )`);
    }
    await db.query(`
      CREATE TABLE thread_views (
        thread_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT thread_views_pkey PRIMARY KEY (thread_id, user_id),
        CONSTRAINT thread_views_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES threads (id) ON DELETE CASCADE,
        CONSTRAINT thread_views_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE thread_revisions (
        thread_id uuid NOT NULL,
        number integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        editor_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT thread_revisions_pkey PRIMARY KEY (thread_id, number),
        CONSTRAINT thread_revisions_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES threads (id) ON DELETE CASCADE,
        CONSTRAINT thread_revisions_editor_id_fkey FOREIGN KEY (editor_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await db.query(`
      CREATE TABLE reply_revisions (
        reply_id uuid NOT NULL,
        number integer NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        editor_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reply_revisions_pkey PRIMARY KEY (reply_id, number),
        CONSTRAINT reply_revisions_reply_id_fkey FOREIGN KEY (reply_id) REFERENCES replies (id) ON DELETE CASCADE,
        CONSTRAINT reply_revisions_editor_id_fkey FOREIGN KEY (editor_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reply_revisions`);
    await db.query(`DROP TABLE thread_revisions`);
    await db.query(`DROP TABLE thread_views`);
    await db.query(`DROP TABLE reply_votes`);
    await db.query(`DROP TABLE thread_votes`);
    await db.query(`ALTER TABLE threads DROP CONSTRAINT threads_accepted_reply_id_fkey`);
    await db.query(`DROP TABLE replies`);
    await db.query(`DROP TABLE threads`);
    await db.query(`DROP TYPE thread_kind`);
  }
}
