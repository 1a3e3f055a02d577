import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEventReaderIndexes1795600000001 implements MigrationInterface {
  name = 'AddEventReaderIndexes1795600000001';

  async up(db: QueryRunner): Promise<void> {
    // Catch-up reads a person's own events and their collaboratives' events after an id.
    // Without these it walked every newer event and filtered (1,000 reconnecting sockets,
    // each filtering some 50,000 events, took the pool down in the benchmark).
    await db.query(`CREATE INDEX events_user_id_idx ON events (user_id, id) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE INDEX events_collaborative_id_idx ON events (collaborative_id, id) WHERE user_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_collaborative_id_idx`);
    await db.query(`DROP INDEX events_user_id_idx`);
  }
}
