// The practical limit of this machine for the forum's hottest requests: raw Fastify and
// `pg`, the same JWT check (HS256, then the live-session query), the same SQL the
// services run, the same JSON shapes, and the notifications worker's SQL for S3's replies
// (notifier.js). No Nest, no TypeORM, no class-validator.
// Env: DATABASE_URL, JWT_SECRET, PORT, HOST.
import { createSecretKey } from 'node:crypto';

import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import pg from 'pg';

import {
  HIDDEN_NOTICE,
  POOL_OPTIONS,
  prepareBody,
  SNIPPET_OPTIONS,
  START,
  STOP,
  TITLE_OPTIONS,
  toMarkedHtml,
  viewerStateSql,
} from '../../dist/src/app/bench-entry.js';
import { startNotifier } from './notifier.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ...POOL_OPTIONS });
const notifier = await startNotifier(pool);
// As the forum does: a KeyObject made once (a string would be tried as a PEM key first on every request).
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET));
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class HttpError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}
app.setErrorHandler((error, _request, reply) => {
  const status = error.status ?? error.statusCode ?? 500;
  reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: 'Error', status, detail: error.message });
});

app.get('/health/live', async () => ({ status: 'ok' }));

async function caller(request) {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) throw new HttpError(401, 'Sign in first');
  let payload;
  try {
    payload = jwt.verify(header.slice(7), secret, { algorithms: ['HS256'] });
  } catch {
    throw new HttpError(401, 'The access token is not valid. Sign in again.');
  }
  if (
    typeof payload.sub !== 'string' ||
    typeof payload.sid !== 'string' ||
    !UUID.test(payload.sub) ||
    !UUID.test(payload.sid)
  )
    throw new HttpError(401, 'invalid');
  const { rows } = await pool.query(
    `SELECT u.role,
            (u.status = 'suspended' AND (u.suspended_until IS NULL OR u.suspended_until > now())) AS suspended
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now()`,
    [payload.sid, payload.sub],
  );
  if (!rows[0] || rows[0].suspended) throw new HttpError(401, 'This session has ended. Sign in again.');
  return { id: payload.sub, role: rows[0].role, sessionId: payload.sid };
}

const uuidParam = (value) => {
  if (!UUID.test(value)) throw new HttpError(400, 'Validation failed (uuid is expected)');
  return value;
};
const limitOf = (query) => {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new HttpError(400, 'limit must be 1 to 100');
  return limit;
};
const staff = (user) => user.role === 'moderator' || user.role === 'admin';

// As AccessService.joinAccess: the collaborative and the caller's membership, joined to
// whatever row names the collaborative (`column`), the caller's id bound as `userParam`.
const accessJoin = (column, userParam) => ({
  select: 'c.id AS c_id, c.visibility AS c_visibility, c.archived_at AS c_archived_at, m.role AS membership_role',
  joins: `LEFT JOIN collaboratives c ON c.id = ${column} LEFT JOIN collaborative_members m ON m.collaborative_id = c.id AND m.user_id = ${userParam}`,
});

/** What the caller may do in the collaborative of a row read with accessJoin; null when there is none. */
function accessOf(user, row) {
  if (!row?.c_id) return null;
  const membership = row.membership_role ?? null;
  const canRead = row.c_visibility === 'public' || membership !== null || staff(user);
  const canModerate = canRead && (staff(user) || membership === 'lead');
  const canPost = canRead && row.c_archived_at === null && (row.c_visibility === 'public' || membership !== null);
  return { canRead, canPost, canModerate, membership };
}

async function access(user, collaborativeId) {
  const joined = accessJoin('k.id', '$2');
  const { rows } = await pool.query(`SELECT ${joined.select} FROM (VALUES ($1::uuid)) AS k(id) ${joined.joins}`, [
    collaborativeId,
    user.id,
  ]);
  return accessOf(user, rows[0]);
}

const AUTHOR = `a.id AS a_id, a.handle AS a_handle, a.display_name AS a_display_name, a.organisation AS a_organisation,
                a.job_title AS a_job_title, a.sector AS a_sector, a.bio AS a_bio, a.role AS a_role, a.created_at AS a_created_at`;
const SUMMARY = `t.id, t.collaborative_id, t.author_id, t.kind, t.title, t.tags, t.reply_count, t.vote_count, t.view_count, t.accepted_reply_id,
                 t.is_pinned, t.is_locked, t.created_at, t.last_activity_at, t.edited_at, t.deleted_at, t.hidden_at, t.hidden_reason, t.merged_into_id`;
const THREAD = `${SUMMARY}, t.body, t.body_html`;
const REPLY = `r.id, r.thread_id, r.position, r.author_id, r.body, r.body_html, r.quoted_reply_id, r.vote_count, r.created_at, r.edited_at, r.deleted_at,
               r.hidden_at, r.hidden_reason`;
const iso = (value) => (value ? value.toISOString() : null);
const author = (row) => ({
  id: row.a_id,
  displayName: row.a_display_name,
  handle: row.a_handle,
  organisation: row.a_organisation,
  jobTitle: row.a_job_title,
  sector: row.a_sector,
  bio: row.a_bio,
  role: row.a_role,
  createdAt: row.a_created_at.toISOString(),
});
// A hidden post shows a notice unless `showHidden` (its author, moderators), as in the forum.
const masked = (row, showHidden) => !row.deleted_at && row.hidden_at !== null && !showHidden;
const summary = (row, showHidden) => ({
  id: row.id,
  collaborativeId: row.collaborative_id,
  kind: row.kind,
  title: masked(row, showHidden) ? HIDDEN_NOTICE : row.title,
  tags: masked(row, showHidden) ? [] : row.tags,
  author: row.deleted_at ? null : author(row),
  replyCount: row.reply_count,
  voteCount: row.vote_count,
  viewCount: row.view_count,
  acceptedReplyId: row.accepted_reply_id,
  isPinned: row.is_pinned,
  isLocked: row.is_locked,
  createdAt: iso(row.created_at),
  lastActivityAt: iso(row.last_activity_at),
  editedAt: iso(row.edited_at),
  deletedAt: iso(row.deleted_at),
  hidden: row.hidden_at !== null,
  hiddenReason: showHidden ? row.hidden_reason : null,
  mergedIntoId: row.merged_into_id,
});
const replyDto = (row, acceptedReplyId, showHidden) => ({
  id: row.id,
  threadId: row.thread_id,
  position: row.position,
  author: row.deleted_at ? null : author(row),
  body: masked(row, showHidden) ? '' : row.body,
  bodyHtml: masked(row, showHidden) ? `<p>${HIDDEN_NOTICE}</p>` : row.body_html,
  quotedReplyId: row.quoted_reply_id,
  voteCount: row.vote_count,
  isAccepted: row.id === acceptedReplyId,
  createdAt: iso(row.created_at),
  editedAt: iso(row.edited_at),
  deletedAt: iso(row.deleted_at),
  hidden: row.hidden_at !== null,
  hiddenReason: showHidden ? row.hidden_reason : null,
});
const encodeCursor = (values) => Buffer.from(JSON.stringify(values)).toString('base64url');
function decodeCursor(cursor, length) {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // Not base64 JSON: the same answer as a wrong length, below.
  }
  throw new HttpError(400, 'The cursor is not valid for this list. Start again without a cursor.');
}
const exact = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// S1: a collaborative's threads, pinned first then latest activity (keyset on the partial index).
app.get('/api/collaboratives/:id/threads', async (request) => {
  const user = await caller(request);
  const id = uuidParam(request.params.id);
  const limit = limitOf(request.query);
  const found = await access(user, id);
  if (!found?.canRead) throw new HttpError(404, 'No collaborative with this id.');
  const params = [id, limit + 1];
  let after = '';
  if (request.query.cursor) {
    const [pinned, activity, threadId] = decodeCursor(request.query.cursor, 3);
    params.push(pinned, activity, threadId);
    after = `AND (t.is_pinned, t.last_activity_at, t.id) < ($3::integer::boolean, $4::timestamptz, $5::uuid)`;
  }
  const { rows } = await pool.query(
    `SELECT ${SUMMARY}, ${AUTHOR}, (t.is_pinned)::int AS keyset0, ${exact('t.last_activity_at')} AS keyset1, (t.id) AS keyset2
       FROM threads t INNER JOIN users a ON a.id = t.author_id
      WHERE t.deleted_at IS NULL AND t.collaborative_id = $1 ${after}
      ORDER BY t.is_pinned DESC, t.last_activity_at DESC, t.id DESC LIMIT $2`,
    params,
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map((row) => summary(row, staff(user) || row.author_id === user.id)),
    nextCursor: more ? encodeCursor([last.keyset0, last.keyset1, last.keyset2]) : null,
  };
});

async function readableThread(user, threadId) {
  const joined = accessJoin('t.collaborative_id', '$2');
  const { rows } = await pool.query(
    `SELECT ${THREAD}, ${AUTHOR}, ${joined.select} FROM threads t LEFT JOIN users a ON a.id = t.author_id ${joined.joins} WHERE t.id = $1`,
    [threadId, user.id],
  );
  const thread = rows[0];
  const found = accessOf(user, thread);
  if (!found?.canRead) throw new HttpError(404, 'No thread with this id.');
  return { thread, access: found };
}

async function withVotes(user, replies, acceptedReplyId, canModerate) {
  const voted = new Set();
  if (replies.length > 0) {
    const { rows } = await pool.query(
      `SELECT reply_id FROM reply_votes WHERE user_id = $1 AND reply_id = ANY($2::uuid[])`,
      [user.id, replies.map((r) => r.id)],
    );
    for (const row of rows) voted.add(row.reply_id);
  }
  return replies.map((row) => ({
    ...replyDto(row, acceptedReplyId, canModerate || row.author_id === user.id),
    voted: voted.has(row.id),
  }));
}

// S2a: one thread with its accepted answer and what the caller may do; counts a first view.
// With ?include=replies (S2′) the first page of replies comes in the same answer, read
// beside the thread as the forum does.
app.get('/api/threads/:id', async (request) => {
  const user = await caller(request);
  const { thread, access: found } = await readableThread(user, uuidParam(request.params.id));
  if (request.query.include === undefined) return threadDetail(user, thread, found);
  if (request.query.include !== 'replies') throw new HttpError(400, 'include must be one of replies');
  const [detail, replies] = await Promise.all([
    threadDetail(user, thread, found),
    repliesPage(user, thread, found, limitOf(request.query)),
  ]);
  return { ...detail, replies };
});

async function threadDetail(user, thread, found) {
  // As ThreadViewsService.open: one statement counts a first view and reads the caller's vote and follows.
  const counts = thread.author_id !== user.id && !thread.deleted_at;
  const { rows: states } = await pool.query(viewerStateSql(counts), [thread.id, user.id, thread.collaborative_id]);
  if (states[0].view_count !== null) thread.view_count = states[0].view_count;
  let acceptedReply = null;
  if (thread.accepted_reply_id) {
    const { rows } = await pool.query(
      `SELECT ${REPLY}, ${AUTHOR} FROM replies r LEFT JOIN users a ON a.id = r.author_id WHERE r.id = $1`,
      [thread.accepted_reply_id],
    );
    if (rows[0]) acceptedReply = (await withVotes(user, rows, thread.accepted_reply_id, found.canModerate))[0];
  }
  const live = thread.deleted_at === null;
  const own = thread.author_id === user.id;
  const hide = masked(thread, own || found.canModerate);
  return {
    ...summary(thread, own || found.canModerate),
    body: hide ? '' : thread.body,
    bodyHtml: hide ? `<p>${HIDDEN_NOTICE}</p>` : thread.body_html,
    acceptedReply,
    viewer: {
      voted: states[0].voted,
      followsCollaborative: states[0].follows,
      followsThread: states[0].following,
      canEdit: live && own,
      canDelete: live && (own || found.canModerate),
      canReply: live && !thread.is_locked && found.canPost,
      canAcceptAnswer: live && thread.kind === 'question' && (own || found.canModerate),
      canModerate: found.canModerate,
    },
  };
}

// S2b: the first (or a later) page of replies, oldest first, with the caller's votes.
async function repliesPage(user, thread, found, limit, cursor) {
  const params = [thread.id, limit + 1];
  let after = '';
  if (cursor) {
    params.push(decodeCursor(cursor, 1)[0]);
    after = 'AND (r.position) > ($3::integer)';
  }
  const { rows } = await pool.query(
    `SELECT ${REPLY}, ${AUTHOR}, (r.position) AS keyset0 FROM replies r INNER JOIN users a ON a.id = r.author_id
      WHERE r.thread_id = $1 ${after} ORDER BY r.position ASC LIMIT $2`,
    params,
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return {
    items: await withVotes(user, page, thread.accepted_reply_id, found.canModerate),
    nextCursor: more ? encodeCursor([page[page.length - 1].keyset0]) : null,
  };
}

app.get('/api/threads/:id/replies', async (request) => {
  const user = await caller(request);
  const { thread, access: found } = await readableThread(user, uuidParam(request.params.id));
  return repliesPage(user, thread, found, limitOf(request.query), request.query.cursor);
});

// S3: a reply, numbered under the thread's row lock, its event appended in the same transaction.
app.post('/api/threads/:id/replies', async (request, reply) => {
  const user = await caller(request);
  const { thread, access: found } = await readableThread(user, uuidParam(request.params.id));
  const body = request.body?.body;
  if (typeof body !== 'string' || body.trim().length === 0 || body.length > 20000)
    throw new HttpError(400, 'body is required');
  if (!found.canPost) throw new HttpError(403, 'Only members may post');
  if (thread.deleted_at || thread.is_locked) throw new HttpError(409, 'This thread takes no replies');
  // Rendered before the transaction, as the forum does: never under the thread's row lock.
  const prepared = prepareBody(body);
  const client = await pool.connect();
  let created;
  try {
    await client.query('BEGIN');
    const { rows: seq } = await client.query(
      `UPDATE threads SET reply_seq = reply_seq + 1, reply_count = reply_count + 1, last_activity_at = GREATEST(last_activity_at, COALESCE($2::timestamptz, now()))
        WHERE id = $1 AND deleted_at IS NULL AND NOT is_locked RETURNING reply_seq, collaborative_id`,
      [thread.id, null],
    );
    if (!seq[0]) throw new HttpError(409, 'This thread no longer takes replies');
    const { rows: inserted } = await client.query(
      `INSERT INTO replies (thread_id, position, author_id, body, body_html, excerpt, mentions, quoted_reply_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $8, $9, $6, COALESCE($7::timestamptz, now())) RETURNING id, created_at`,
      [thread.id, seq[0].reply_seq, user.id, body, prepared.html, null, null, prepared.excerpt, prepared.mentions],
    );
    await client.query(
      `UPDATE collaboratives SET thread_count = thread_count + $2, post_count = post_count + $3,
              last_activity_at = GREATEST(last_activity_at, COALESCE($4::timestamptz, last_activity_at)) WHERE id = $1`,
      [seq[0].collaborative_id, 0, 1, inserted[0].created_at],
    );
    const { rows } = await client.query(
      `SELECT ${REPLY}, ${AUTHOR} FROM replies r LEFT JOIN users a ON a.id = r.author_id WHERE r.id = $1`,
      [inserted[0].id],
    );
    created = replyDto(rows[0], thread.accepted_reply_id);
    await client.query('SELECT pg_advisory_xact_lock($1)', [0x65766e74]);
    await client.query(
      `INSERT INTO events (type, collaborative_id, thread_id, practice_id, user_id, payload) VALUES ($1, $2, $3, NULL, NULL, $4)`,
      ['reply.created', thread.collaborative_id, thread.id, created],
    );
    await client.query(`SELECT pg_notify($1, '')`, ['forum_events']);
    await client.query('COMMIT');
    notifier.wake();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  reply.code(201);
  return { ...created, voted: false };
});

// S4: full-text search over threads, replies and case studies the caller may read; hidden
// posts are left out, as the forum leaves them out (and its partial index on live threads needs it).
const QUERY = `websearch_to_tsquery('english', $2)`;
app.get('/api/search', async (request) => {
  const user = await caller(request);
  const q = typeof request.query.q === 'string' ? request.query.q.trim() : '';
  if (q.length < 1 || q.length > 200) throw new HttpError(400, 'q must be 1 to 200 characters');
  const limit = limitOf(request.query);
  const readable = (column) =>
    staff(user)
      ? '$1::uuid IS NOT NULL' // still names $1, or PostgreSQL cannot type the unused parameter
      : `EXISTS (SELECT 1 FROM collaboratives rc WHERE rc.id = ${column} AND (rc.visibility = 'public'
            OR EXISTS (SELECT 1 FROM collaborative_members rm WHERE rm.collaborative_id = rc.id AND rm.user_id = $1)))`;
  const filters = `t.deleted_at IS NULL AND t.hidden_at IS NULL AND ${readable('t.collaborative_id')}`;
  const best = 'ORDER BY h.rank DESC, h.type DESC, h.id DESC LIMIT $3';
  const sql = `
    WITH page AS (
      SELECT h.*, h.rank AS keyset0, (h.type) AS keyset1, (h.id) AS keyset2 FROM (
        (SELECT h.* FROM (SELECT 'thread' AS type, t.id, t.id AS thread_id, t.collaborative_id, t.author_id, t.created_at, ts_rank(t.search_vector, ${QUERY}) AS rank
          FROM threads t WHERE t.search_vector @@ ${QUERY} AND ${filters}) h ${best})
        UNION ALL
        (SELECT h.* FROM (SELECT 'reply' AS type, r.id, r.thread_id, t.collaborative_id, r.author_id, r.created_at, r.rank
          FROM (SELECT r.id, r.thread_id, r.author_id, r.created_at, ts_rank(r.search_vector, ${QUERY}) AS rank
                  FROM replies r WHERE r.search_vector @@ ${QUERY} AND r.deleted_at IS NULL AND r.hidden_at IS NULL
                 ORDER BY rank DESC, id DESC) r
          JOIN threads t ON t.id = r.thread_id
         WHERE ${filters}) h ${best})
        UNION ALL
        (SELECT h.* FROM (SELECT 'practice' AS type, p.id, NULL::uuid AS thread_id, p.collaborative_id, p.author_id, p.published_at AS created_at, ts_rank(p.search_vector, ${QUERY}) AS rank
          FROM practices p WHERE p.search_vector @@ ${QUERY} AND p.status = 'published' AND p.deleted_at IS NULL AND p.hidden_at IS NULL
           AND (p.collaborative_id IS NULL OR ${readable('p.collaborative_id')})) h ${best})) h
       ${best}
    )
    SELECT h.*, ${AUTHOR}, COALESCE(t.title, p.title) AS thread_title,
           CASE WHEN h.type = 'reply' THEN t.title
                ELSE ts_headline('english', translate(COALESCE(t.title, p.title), $4, ''), ${QUERY}, $5) END AS title_headline,
           ts_headline('english', translate(COALESCE(r.body, t.body, p.summary || ' ' || p.challenge || ' ' || p.approach || ' ' || p.outcomes || ' ' || p.lessons), $4, ''), ${QUERY}, $6) AS snippet
      FROM page h LEFT JOIN threads t ON t.id = h.thread_id LEFT JOIN replies r ON h.type = 'reply' AND r.id = h.id
           LEFT JOIN practices p ON h.type = 'practice' AND p.id = h.id
           JOIN users a ON a.id = h.author_id
     ORDER BY h.rank DESC, h.type DESC, h.id DESC`;
  const { rows } = await pool.query(sql, [user.id, q, limit + 1, START + STOP, TITLE_OPTIONS, SNIPPET_OPTIONS]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      type: row.type,
      id: row.id,
      threadId: row.thread_id,
      collaborativeId: row.collaborative_id,
      threadTitle: row.thread_title,
      titleHtml: toMarkedHtml(row.title_headline),
      snippetHtml: toMarkedHtml(row.snippet),
      author: author(row),
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor: more ? encodeCursor([last.keyset0, last.keyset1, last.keyset2]) : null,
  };
});

await app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => notifier.stop())
    .then(() => pool.end())
    .then(() => process.exit(0)),
);
