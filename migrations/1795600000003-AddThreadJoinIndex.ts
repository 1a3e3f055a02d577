import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddThreadJoinIndex1795600000003 implements MigrationInterface {
  name = 'AddThreadJoinIndex1795600000003';

  async up(db: QueryRunner): Promise<void> {
    // Searching replies joins every matching reply to its thread for the thread's
    // collaborative (the access rule) and whether it is live. From the threads heap that was
    // one random page per reply: 1,715 matches took 460 ms at a million replies. This small
    // covering index (live threads only) answers the join from the index alone.
    await db.query(
      `CREATE INDEX threads_live_collaborative_idx ON threads (id) INCLUDE (collaborative_id) WHERE deleted_at IS NULL AND hidden_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads_live_collaborative_idx`);
  }
}
