import jwt from 'jsonwebtoken';

/** What the scenarios aim at: the busiest collaborative, its threads, people and their sessions. */
export async function fixtures(client) {
  const one = async (sql, params = []) => (await client.query(sql, params)).rows;
  const [busy] = await one(
    `SELECT c.id, c.thread_count FROM bench_collaboratives b JOIN collaboratives c ON c.id = b.id WHERE b.n = 0`,
  );
  const [deep] = await one(
    `SELECT (is_pinned)::int AS pinned, to_char(last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS activity, id
       FROM threads WHERE collaborative_id = $1 AND deleted_at IS NULL
      ORDER BY is_pinned DESC, last_activity_at DESC, id DESC OFFSET $2 LIMIT 1`,
    [busy.id, Math.floor(busy.thread_count * 0.8)],
  );
  const deepCursor = Buffer.from(JSON.stringify([deep.pinned, deep.activity, deep.id])).toString('base64url');
  // Opening a thread: the busiest threads of the busy collaborative (most replies, so the
  // reply page reads from the biggest ranges).
  const readThreads = (
    await one(
      `SELECT id FROM threads WHERE collaborative_id = $1 AND deleted_at IS NULL ORDER BY reply_count DESC LIMIT 100`,
      [busy.id],
    )
  ).map((r) => r.id);
  const replyThreads = (
    await one(
      `SELECT id FROM threads WHERE collaborative_id = $1 AND deleted_at IS NULL AND NOT is_locked ORDER BY hashtext(id::text) LIMIT 100`,
      [busy.id],
    )
  ).map((r) => r.id);
  const people = await one(
    `SELECT u.id, u.role, s.id AS sid, EXISTS (SELECT 1 FROM collaborative_follows f WHERE f.user_id = u.id AND f.collaborative_id = $1) AS follows_busy
       FROM bench_users b JOIN users u ON u.id = b.id JOIN sessions s ON s.user_id = u.id AND s.ended_at IS NULL
      ORDER BY b.n`,
    [busy.id],
  );
  return {
    busyCollaborativeId: busy.id,
    busyThreadCount: busy.thread_count,
    deepCursor,
    readThreads,
    replyThreads,
    people,
  };
}

/** Access tokens exactly as the forum signs them (HS256, sub, role, sid, 15 minutes). */
export function tokensFor(people, secret) {
  return people.map((person) =>
    jwt.sign({ sub: person.id, role: person.role, sid: person.sid }, secret, {
      algorithm: 'HS256',
      expiresIn: 15 * 60,
    }),
  );
}

/**
 * Waits until the notifications worker has caught up with the event stream (nothing left
 * to write). Throws if it has not within the timeout: a scenario started on a backlog would
 * measure that backlog, and the baseline's notifier writes replies' notifications only.
 */
export async function waitForQuiet(client, timeoutMs = 300_000) {
  const started = Date.now();
  let last = null;
  for (;;) {
    const { rows } = await client.query(
      `SELECT coalesce((SELECT event_id FROM event_cursors WHERE name = 'notifications'), 0)::bigint AS cursor, coalesce(max(id), 0)::bigint AS max FROM events`,
    );
    const { cursor, max } = rows[0];
    if (BigInt(cursor) >= BigInt(max) && last === max) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `The notifications worker is still ${BigInt(max) - BigInt(cursor)} events behind after ${timeoutMs / 1000} s.`,
      );
    last = max;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
