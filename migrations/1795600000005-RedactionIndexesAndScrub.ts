import type { MigrationInterface, QueryRunner } from 'typeorm';

const CONTENT = [
  {
    table: 'threads',
    types: ['thread.created', 'thread.updated', 'thread.hidden', 'thread.restored'],
    live: 'AND t.merged_into_id IS NULL',
  },
  { table: 'replies', types: ['reply.created', 'reply.updated', 'reply.hidden', 'reply.restored'], live: '' },
  {
    table: 'practices',
    types: ['practice.published', 'practice.updated', 'practice.hidden', 'practice.restored'],
    live: '',
  },
  {
    table: 'practice_comments',
    types: ['comment.created', 'comment.updated', 'comment.hidden', 'comment.restored'],
    live: '',
  },
];

export class RedactionIndexesAndScrub1795600000005 implements MigrationInterface {
  name = 'RedactionIndexesAndScrub1795600000005';

  async up(db: QueryRunner): Promise<void> {
    // Every delete (authors' too, now) and hide rewrites the stored copies of the content's
    // words: its own events (found by the DTO id in the payload), the notifications about
    // it (by thread or case study, or by the event they came from) and their live copies
    // (by person and creation time, see redaction.ts). Without these indexes each was a
    // scan: 200-330 ms a statement with a million events and two million notifications.
    await db.query(`CREATE INDEX events_content_id_idx ON events ((payload->>'id')) WHERE user_id IS NULL`);
    await db.query(`CREATE INDEX notifications_thread_id_idx ON notifications (thread_id) WHERE thread_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX notifications_practice_id_idx ON notifications (practice_id) WHERE practice_id IS NOT NULL`,
    );

    // Content its authors deleted before deleting redacted anything: its events and the
    // notifications quoting it lose its words now, and a deleted case study its history.
    // (Merged threads live on inside the thread they joined, so they keep theirs.)
    for (const { table, types, live } of CONTENT) {
      await db.query(
        `UPDATE events e SET payload = jsonb_build_object('id', e.payload->>'id', 'deleted', true)
           FROM ${table} t
          WHERE e.user_id IS NULL AND e.type = ANY($1::text[]) AND t.id::text = e.payload->>'id' AND t.deleted_at IS NOT NULL ${live}`,
        [types],
      );
    }
    await db.query(
      `UPDATE notifications n SET data = n.data - 'excerpt'
         FROM events e
        WHERE n.event_id = e.id AND e.user_id IS NULL AND e.payload->>'deleted' = 'true' AND n.data ? 'excerpt'`,
    );
    await db.query(
      `UPDATE notifications n SET data = jsonb_build_object('title', 'Activity in a thread that was deleted')
         FROM threads t
        WHERE n.thread_id = t.id AND t.deleted_at IS NOT NULL AND t.merged_into_id IS NULL AND n.type <> 'moderation'`,
    );
    await db.query(
      `UPDATE notifications n SET data = jsonb_build_object('title', 'Activity on a case study that was deleted')
         FROM practices p
        WHERE n.practice_id = p.id AND p.deleted_at IS NOT NULL AND n.type <> 'moderation'`,
    );
    await db.query(
      `UPDATE events e SET payload = (e.payload - 'excerpt') || jsonb_build_object('title', n.data->>'title')
         FROM notifications n
        WHERE e.type = 'notification.created' AND e.user_id = n.user_id AND e.payload->>'id' = n.id::text
          AND ((e.payload ? 'excerpt' AND NOT n.data ? 'excerpt') OR e.payload->>'title' IS DISTINCT FROM n.data->>'title')`,
    );
    await db.query(
      `DELETE FROM practice_revisions r USING practices p WHERE p.id = r.practice_id AND p.deleted_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // The words scrubbed on the way up are gone; only the indexes can be taken back.
    await db.query(`DROP INDEX notifications_practice_id_idx`);
    await db.query(`DROP INDEX notifications_thread_id_idx`);
    await db.query(`DROP INDEX events_content_id_idx`);
  }
}
