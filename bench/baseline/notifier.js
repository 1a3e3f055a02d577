// The forum's notifications worker for the replies S3 posts (a notification's event carries
// only its reader, as the forum's does), in raw `pg`, running the forum's own SQL texts
// (imported from dist/, from modules free of Nest and TypeORM), so the baseline's S3 does
// the same work in the database and on its core as the forum's does.
import {
  appendEvents,
  INSERT_NOTIFICATIONS_SQL,
  insertNotificationsParams,
  MAY_READ_EACH_SQL,
  notificationData,
  NOTIFICATIONS_CURSOR,
  NOTIFICATIONS_WORKER_LOCK,
  postTextSql,
  REPLY_RECIPIENTS_SQL,
  SerialRunner,
} from '../../dist/src/app/bench-entry.js';

const BATCH = 50;
const MAX_NOTIFICATIONS = 2000;
const HIDDEN_TITLE = '[hidden by moderators pending review]';

/** Starts the worker; `wake()` after a reply commits, and every 2 s in any case. */
export async function startNotifier(pool) {
  await pool.query(
    `INSERT INTO event_cursors (name, event_id) SELECT $1, coalesce(max(id), 0) FROM events ON CONFLICT (name) DO NOTHING`,
    [NOTIFICATIONS_CURSOR],
  );
  let stopped = false;
  const runner = new SerialRunner(
    async () => {
      while (!stopped && (await processBatch(pool)) === BATCH);
    },
    (error) => console.error(`baseline notifier: ${error.message}`),
  );
  const timer = setInterval(() => runner.wake(), 2000);
  return {
    wake: () => runner.wake(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await runner.stop();
    },
  };
}

async function processBatch(pool) {
  const client = await pool.connect();
  let failure;
  try {
    await client.query('BEGIN');
    const {
      rows: [{ locked }],
    } = await client.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [NOTIFICATIONS_WORKER_LOCK]);
    if (!locked) return (await client.query('COMMIT'), 0);
    const {
      rows: [cursor],
    } = await client.query(`SELECT event_id::text AS id FROM event_cursors WHERE name = $1 FOR UPDATE`, [
      NOTIFICATIONS_CURSOR,
    ]);
    const { rows } = await client.query(
      `SELECT id, type, collaborative_id, thread_id, practice_id, user_id, payload, created_at FROM events WHERE id > $1 ORDER BY id LIMIT $2`,
      [cursor.id, BATCH],
    );
    const created = [];
    let done = 0;
    while (done < rows.length && created.length < MAX_NOTIFICATIONS)
      created.push(...(await notify(client, rows[done++])));
    if (done > 0)
      await client.query(`UPDATE event_cursors SET event_id = $1, updated_at = now() WHERE name = $2`, [
        rows[done - 1].id,
        NOTIFICATIONS_CURSOR,
      ]);
    await appendEvents((sql, params) => client.query(sql, params), created);
    await client.query('COMMIT');
    return done < rows.length ? BATCH : rows.length;
  } catch (error) {
    failure = error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // A connection that failed is closed rather than handed to the next request.
    client.release(failure);
  }
}

/** Only replies notify here: S3 posts nothing else, and the runner lets the forum's worker catch up first. */
async function notify(client, event) {
  if (event.type !== 'reply.created') return [];
  const reply = event.payload;
  const actorId = reply.author?.id ?? null;
  const name = reply.author?.displayName ?? 'Someone';
  const {
    rows: [thread],
  } = await client.query(
    `SELECT CASE WHEN hidden_at IS NULL THEN title ELSE '${HIDDEN_TITLE}' END AS title, author_id FROM threads WHERE id = $1`,
    [reply.threadId],
  );
  const title = thread?.title ?? 'a thread';
  const { rows: people } = await client.query(REPLY_RECIPIENTS_SQL, [reply.threadId, reply.position]);
  // The excerpt and mentions stored with the reply when it was written: nothing is rendered here.
  const {
    rows: [text],
  } = await client.query(postTextSql('replies'), [reply.id]);
  const base = {
    actorId,
    collaborativeId: event.collaborative_id,
    threadId: reply.threadId,
    excerpt: text?.excerpt || undefined,
  };
  const handles = text?.mentions ?? [];
  const mentioned =
    handles.length === 0
      ? []
      : (await client.query(`SELECT id FROM users WHERE lower(handle) = ANY($1::text[])`, [handles])).rows;
  const candidates = [
    ...mentioned.map((user) => ({
      ...base,
      userId: user.id,
      type: 'mention',
      title: `${name} mentioned you in "${title}"`,
    })),
    ...people.map((person) => ({
      ...base,
      userId: person.user_id,
      type: 'reply',
      title: `${name} replied to "${title}"`,
    })),
  ].filter((draft) => draft.userId !== draft.actorId);
  if (candidates.length === 0) return [];
  const { rows: readable } = await client.query(MAY_READ_EACH_SQL, [
    candidates.map((draft) => draft.userId),
    candidates.map((draft) => draft.collaborativeId),
  ]);
  const seen = new Set();
  const drafts = candidates.filter((draft, index) => {
    const key = `${draft.userId}:${draft.type}`;
    if (seen.has(key) || !readable[index].readable) return false;
    seen.add(key);
    return true;
  });
  if (drafts.length === 0) return [];
  const { rows: inserted } = await client.query(
    INSERT_NOTIFICATIONS_SQL,
    insertNotificationsParams(String(event.id), drafts),
  );
  const byKey = new Map(inserted.map((row) => [`${row.user_id}:${row.type}`, row]));
  const actors = new Map();
  if (actorId) {
    const { rows } = await client.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [[actorId]]);
    for (const row of rows) actors.set(row.id, row.display_name);
  }
  return drafts.flatMap((draft) => {
    const row = byKey.get(`${draft.userId}:${draft.type}`);
    if (!row) return [];
    const payload = {
      id: row.id,
      type: draft.type,
      ...notificationData(draft),
      actorId: draft.actorId,
      actorName: actors.get(draft.actorId) ?? null,
      collaborativeId: draft.collaborativeId,
      threadId: draft.threadId,
      practiceId: null,
      read: false,
      createdAt: row.created_at.toISOString(),
    };
    return [{ type: 'notification.created', userId: draft.userId, payload }];
  });
}
