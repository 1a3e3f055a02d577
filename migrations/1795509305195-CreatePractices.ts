import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePractices1795509305195 implements MigrationInterface {
  name = 'CreatePractices1795509305195';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE practice_status AS ENUM ('draft', 'published')`);
    await db.query(`
      CREATE TABLE practices (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        collaborative_id uuid,
        author_id uuid NOT NULL,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        challenge text NOT NULL DEFAULT '',
        challenge_html text NOT NULL DEFAULT '',
        approach text NOT NULL DEFAULT '',
        approach_html text NOT NULL DEFAULT '',
        outcomes text NOT NULL DEFAULT '',
        outcomes_html text NOT NULL DEFAULT '',
        lessons text NOT NULL DEFAULT '',
        lessons_html text NOT NULL DEFAULT '',
        outcome_measures jsonb NOT NULL DEFAULT '[]',
        sectors text[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        organisations text[] NOT NULL DEFAULT '{}',
        contact text NOT NULL DEFAULT '',
        status practice_status NOT NULL DEFAULT 'draft',
        published_at timestamptz,
        last_activity_at timestamptz,
        endorsement_count integer NOT NULL DEFAULT 0,
        comment_count integer NOT NULL DEFAULT 0,
        view_count integer NOT NULL DEFAULT 0,
        search_vector tsvector,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        hidden_by_id uuid,
        hidden_reason text,
        CONSTRAINT practices_pkey PRIMARY KEY (id),
        CONSTRAINT practices_collaborative_id_fkey FOREIGN KEY (collaborative_id) REFERENCES collaboratives (id) ON DELETE RESTRICT,
        CONSTRAINT practices_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT practices_hidden_by_id_fkey FOREIGN KEY (hidden_by_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(
      `CREATE INDEX practices_newest_idx ON practices (published_at DESC, id DESC) WHERE status = 'published' AND deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX practices_endorsed_idx ON practices (endorsement_count DESC, id DESC) WHERE status = 'published' AND deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX practices_discussed_idx ON practices (last_activity_at DESC, id DESC) WHERE status = 'published' AND deleted_at IS NULL`,
    );
    await db.query(`CREATE INDEX practices_author_id_idx ON practices (author_id, created_at DESC)`);
    await db.query(`CREATE INDEX practices_collaborative_id_idx ON practices (collaborative_id)`);
    await db.query(`CREATE INDEX practices_search_idx ON practices USING gin (search_vector)`);
    // Searchable once published: title weighs most, then the summary, then the sections.
    await db.query(`
      CREATE FUNCTION practices_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status <> 'published' OR NEW.deleted_at IS NOT NULL OR NEW.hidden_at IS NOT NULL THEN
          NEW.search_vector := NULL;
        ELSE
          NEW.search_vector :=
            setweight(to_tsvector('english', NEW.title), 'A') ||
            setweight(to_tsvector('english', NEW.summary || ' ' || array_to_string(NEW.tags, ' ')), 'B') ||
            setweight(to_tsvector('english', NEW.challenge || ' ' || NEW.approach || ' ' || NEW.outcomes || ' ' || NEW.lessons), 'C');
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(
      `CREATE TRIGGER practices_search_vector BEFORE INSERT OR UPDATE ON practices FOR EACH ROW EXECUTE FUNCTION practices_search_vector()`,
    );
    await db.query(`
      CREATE TABLE practice_coauthors (
        practice_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT practice_coauthors_pkey PRIMARY KEY (practice_id, user_id),
        CONSTRAINT practice_coauthors_practice_id_fkey FOREIGN KEY (practice_id) REFERENCES practices (id) ON DELETE CASCADE,
        CONSTRAINT practice_coauthors_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX practice_coauthors_user_id_idx ON practice_coauthors (user_id)`);
    await db.query(`
      CREATE TABLE practice_endorsements (
        practice_id uuid NOT NULL,
        user_id uuid NOT NULL,
        note text NOT NULL DEFAULT '',
        organisation text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_endorsements_pkey PRIMARY KEY (practice_id, user_id),
        CONSTRAINT practice_endorsements_practice_id_fkey FOREIGN KEY (practice_id) REFERENCES practices (id) ON DELETE CASCADE,
        CONSTRAINT practice_endorsements_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX practice_endorsements_list_idx ON practice_endorsements (practice_id, created_at DESC, user_id DESC)`,
    );
    await db.query(`
      CREATE TABLE practice_comments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        hidden_by_id uuid,
        hidden_reason text,
        CONSTRAINT practice_comments_pkey PRIMARY KEY (id),
        CONSTRAINT practice_comments_practice_id_fkey FOREIGN KEY (practice_id) REFERENCES practices (id) ON DELETE CASCADE,
        CONSTRAINT practice_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT practice_comments_hidden_by_id_fkey FOREIGN KEY (hidden_by_id) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX practice_comments_list_idx ON practice_comments (practice_id, created_at, id)`);
    await db.query(`
      CREATE TABLE practice_revisions (
        practice_id uuid NOT NULL,
        number integer NOT NULL,
        editor_id uuid NOT NULL,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_revisions_pkey PRIMARY KEY (practice_id, number),
        CONSTRAINT practice_revisions_practice_id_fkey FOREIGN KEY (practice_id) REFERENCES practices (id) ON DELETE CASCADE,
        CONSTRAINT practice_revisions_editor_id_fkey FOREIGN KEY (editor_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await db.query(`
      CREATE TABLE practice_comment_revisions (
        comment_id uuid NOT NULL,
        number integer NOT NULL,
        editor_id uuid NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_comment_revisions_pkey PRIMARY KEY (comment_id, number),
        CONSTRAINT practice_comment_revisions_comment_id_fkey FOREIGN KEY (comment_id) REFERENCES practice_comments (id) ON DELETE CASCADE,
        CONSTRAINT practice_comment_revisions_editor_id_fkey FOREIGN KEY (editor_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await db.query(`
      CREATE TABLE practice_questions (
        practice_id uuid NOT NULL,
        thread_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_questions_pkey PRIMARY KEY (practice_id, thread_id),
        CONSTRAINT practice_questions_practice_id_fkey FOREIGN KEY (practice_id) REFERENCES practices (id) ON DELETE CASCADE,
        CONSTRAINT practice_questions_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES threads (id) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'practice_questions',
      'practice_comment_revisions',
      'practice_revisions',
      'practice_comments',
      'practice_endorsements',
      'practice_coauthors',
      'practices',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION practices_search_vector()`);
    await db.query(`DROP TYPE practice_status`);
  }
}
