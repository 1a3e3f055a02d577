import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddThreadSearch1795506775348 implements MigrationInterface {
  name = 'AddThreadSearch1795506775348';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE threads ADD COLUMN search_vector tsvector`);
    await db.query(`ALTER TABLE replies ADD COLUMN search_vector tsvector`);
    // Title over tags over body, so a match in the title ranks first. Deleted content
    // (a tombstone) has no vector and so can never be found.
    await db.query(`
      CREATE FUNCTION threads_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.deleted_at IS NOT NULL THEN
          NEW.search_vector := NULL;
        ELSE
          NEW.search_vector :=
            setweight(to_tsvector('english', NEW.title), 'A') ||
            setweight(to_tsvector('english', array_to_string(NEW.tags, ' ')), 'B') ||
            setweight(to_tsvector('english', NEW.body), 'C');
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER threads_search_vector BEFORE INSERT OR UPDATE OF title, body, tags, deleted_at
      ON threads FOR EACH ROW EXECUTE FUNCTION threads_search_vector()`);
    // A reply's body weighs the same as a thread's body, so mixed results rank fairly.
    await db.query(`
      CREATE FUNCTION replies_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := CASE WHEN NEW.deleted_at IS NULL THEN setweight(to_tsvector('english', NEW.body), 'C') END;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER replies_search_vector BEFORE INSERT OR UPDATE OF body, deleted_at
      ON replies FOR EACH ROW EXECUTE FUNCTION replies_search_vector()`);
    await db.query(`CREATE INDEX threads_search_idx ON threads USING gin (search_vector)`);
    await db.query(`CREATE INDEX replies_search_idx ON replies USING gin (search_vector)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX replies_search_idx`);
    await db.query(`DROP INDEX threads_search_idx`);
    await db.query(`DROP TRIGGER replies_search_vector ON replies`);
    await db.query(`DROP FUNCTION replies_search_vector()`);
    await db.query(`DROP TRIGGER threads_search_vector ON threads`);
    await db.query(`DROP FUNCTION threads_search_vector()`);
    await db.query(`ALTER TABLE replies DROP COLUMN search_vector`);
    await db.query(`ALTER TABLE threads DROP COLUMN search_vector`);
  }
}
