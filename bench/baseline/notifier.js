// The forum's notifications worker for the replies S3 posts (a notification's event carries
// only its reader, as the forum's does), in raw `pg` with the same SQL
// (src/notifications/notifications.worker.ts, src/threads/thread-notifications.ts), so the
// baseline's S3 does the same work in the database and on its core as the forum's does.
import { mentionedHandles } from '../../dist/src/common/markdown.js';
import { SerialRunner } from '../../dist/src/common/serial-runner.js';

const CURSOR = 'notifications';
const WORKER_LOCK = 0x6e6f7466;
const APPEND_LOCK = 0x65766e74;
const BATCH = 50;
const MAX_NOTIFICATIONS = 2000;
const APPEND_CHUNK = 1000;
const HIDDEN_TITLE = '[hidden by moderators pending review]';
const excerpt = (markdown) => markdown.replace(/\s+/g, ' ').trim().slice(0, 160);

/** Starts the worker; `wake()` after a reply commits, and every 2 s in any case. */
export async function startNotifier(pool) {
  await pool.query(`INSERT INTO event_cursors (name, event_id) SELECT $1, coalesce(max(id), 0) FROM events ON CONFLICT (name) DO NOTHING`, [CURSOR]);
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
    const { rows: [{ locked }] } = await client.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [WORKER_LOCK]);
    if (!locked) return await client.query('COMMIT'), 0;
    const { rows: [cursor] } = await client.query(`SELECT event_id::text AS id FROM event_cursors WHERE name = $1 FOR UPDATE`, [CURSOR]);
    const { rows } = await client.query(
      `SELECT id, type, collaborative_id, thread_id, practice_id, user_id, payload, created_at FROM events WHERE id > $1 ORDER BY id LIMIT $2`,
      [cursor.id, BATCH],
    );
    const created = [];
    let done = 0;
    while (done < rows.length && created.length < MAX_NOTIFICATIONS) created.push(...(await notify(client, rows[done++])));
    if (done > 0) await client.query(`UPDATE event_cursors SET event_id = $1, updated_at = now() WHERE name = $2`, [rows[done - 1].id, CURSOR]);
    await appendMany(client, created);
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
  const { rows: [thread] } = await client.query(
    `SELECT CASE WHEN hidden_at IS NULL THEN title ELSE '${HIDDEN_TITLE}' END AS title, author_id FROM threads WHERE id = $1`,
    [reply.threadId],
  );
  const title = thread?.title ?? 'a thread';
  const { rows: people } = await client.query(
    `SELECT author_id AS user_id FROM threads WHERE id = $1 AND author_id IS NOT NULL
     UNION SELECT author_id FROM replies WHERE thread_id = $1 AND position < $2 AND deleted_at IS NULL AND author_id IS NOT NULL
     UNION SELECT user_id FROM thread_follows WHERE thread_id = $1`,
    [reply.threadId, reply.position],
  );
  const base = { actorId, collaborativeId: event.collaborative_id, threadId: reply.threadId, excerpt: excerpt(reply.body) };
  const handles = mentionedHandles(reply.body);
  const mentioned = handles.length === 0 ? [] : (await client.query(`SELECT id FROM users WHERE lower(handle) = ANY($1::text[])`, [handles])).rows;
  const candidates = [
    ...mentioned.map((user) => ({ ...base, userId: user.id, type: 'mention', title: `${name} mentioned you in "${title}"` })),
    ...people.map((person) => ({ ...base, userId: person.user_id, type: 'reply', title: `${name} replied to "${title}"` })),
  ].filter((draft) => draft.userId !== draft.actorId);
  if (candidates.length === 0) return [];
  const { rows: readable } = await client.query(
    `SELECT u.id IS NOT NULL AND (d.collaborative_id IS NULL OR (c.id IS NOT NULL AND (c.visibility = 'public'
              OR u.role IN ('moderator', 'admin') OR m.user_id IS NOT NULL))) AS readable
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS d(user_id, collaborative_id, position)
       LEFT JOIN users u ON u.id = d.user_id
       LEFT JOIN collaboratives c ON c.id = d.collaborative_id
       LEFT JOIN collaborative_members m ON m.collaborative_id = d.collaborative_id AND m.user_id = d.user_id
      ORDER BY d.position`,
    [candidates.map((draft) => draft.userId), candidates.map((draft) => draft.collaborativeId)],
  );
  const seen = new Set();
  const drafts = candidates.filter((draft, index) => {
    const key = `${draft.userId}:${draft.type}`;
    if (seen.has(key) || !readable[index].readable) return false;
    seen.add(key);
    return true;
  });
  if (drafts.length === 0) return [];
  const data = (draft) => ({ title: draft.title, ...(draft.excerpt ? { excerpt: draft.excerpt } : {}) });
  const { rows: inserted } = await client.query(
    `INSERT INTO notifications (user_id, type, actor_id, collaborative_id, thread_id, practice_id, event_id, data)
     SELECT d.user_id, d.type, d.actor_id, d.collaborative_id, d.thread_id, d.practice_id, $7::bigint, d.data::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $8::text[])
            AS d(user_id, type, actor_id, collaborative_id, thread_id, practice_id, data)
     ON CONFLICT DO NOTHING
     RETURNING id, user_id, type, created_at`,
    [
      drafts.map((draft) => draft.userId), drafts.map((draft) => draft.type), drafts.map((draft) => draft.actorId),
      drafts.map((draft) => draft.collaborativeId), drafts.map((draft) => draft.threadId), drafts.map(() => null),
      String(event.id), drafts.map((draft) => JSON.stringify(data(draft))),
    ],
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
      id: row.id, type: draft.type, ...data(draft), actorId: draft.actorId, actorName: actors.get(draft.actorId) ?? null,
      collaborativeId: draft.collaborativeId, threadId: draft.threadId, practiceId: null, read: false, createdAt: row.created_at.toISOString(),
    };
    return [{ type: 'notification.created', userId: draft.userId, payload }];
  });
}

async function appendMany(client, events) {
  if (events.length === 0) return;
  await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
  for (let start = 0; start < events.length; start += APPEND_CHUNK) {
    const chunk = events.slice(start, start + APPEND_CHUNK);
    await client.query(
      `INSERT INTO events (type, collaborative_id, thread_id, practice_id, user_id, payload)
       SELECT e.type, e.collaborative_id, e.thread_id, e.practice_id, e.user_id, e.payload::jsonb
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) WITH ORDINALITY
              AS e(type, collaborative_id, thread_id, practice_id, user_id, payload, position)
        ORDER BY e.position`,
      [
        chunk.map((event) => event.type), chunk.map(() => null), chunk.map(() => null), chunk.map(() => null),
        chunk.map((event) => event.userId), chunk.map((event) => JSON.stringify(event.payload)),
      ],
    );
  }
  await client.query(`SELECT pg_notify($1, '')`, ['forum_events']);
}
