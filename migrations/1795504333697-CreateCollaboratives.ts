import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCollaboratives1795504333697 implements MigrationInterface {
  name = 'CreateCollaboratives1795504333697';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE collaborative_type AS ENUM ('horizontal', 'vertical', 'mental-health', 'community', 'ambulance', 'primary-secondary', 'other')`,
    );
    await db.query(`CREATE TYPE collaborative_visibility AS ENUM ('public', 'members')`);
    await db.query(`
      CREATE TABLE collaboratives (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL,
        description text NOT NULL DEFAULT '',
        description_html text NOT NULL DEFAULT '',
        type collaborative_type NOT NULL,
        sectors text[] NOT NULL DEFAULT '{}',
        region text,
        ics text,
        organisations text[] NOT NULL DEFAULT '{}',
        visibility collaborative_visibility NOT NULL DEFAULT 'public',
        follower_count integer NOT NULL DEFAULT 0,
        member_count integer NOT NULL DEFAULT 0,
        thread_count integer NOT NULL DEFAULT 0,
        post_count integer NOT NULL DEFAULT 0,
        search_vector tsvector,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz,
        CONSTRAINT collaboratives_pkey PRIMARY KEY (id)
      )`);
    await db.query(`CREATE UNIQUE INDEX collaboratives_slug_key ON collaboratives (slug)`);
    await db.query(`CREATE INDEX collaboratives_search_idx ON collaboratives USING gin (search_vector)`);
    // Name and organisations weigh more than the description when ranking directory search.
    await db.query(`
      CREATE FUNCTION collaboratives_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
          setweight(to_tsvector('english', array_to_string(NEW.organisations, ' ')), 'B') ||
          setweight(to_tsvector('english', coalesce(NEW.region, '') || ' ' || coalesce(NEW.ics, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER collaboratives_search_vector BEFORE INSERT OR UPDATE OF name, description, organisations, region, ics
      ON collaboratives FOR EACH ROW EXECUTE FUNCTION collaboratives_search_vector()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE collaboratives`);
    await db.query(`DROP FUNCTION collaboratives_search_vector()`);
    await db.query(`DROP TYPE collaborative_visibility`);
    await db.query(`DROP TYPE collaborative_type`);
  }
}
