import argon2 from 'argon2';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../../dist/src/app/bench-entry.js';
import { checkCounters } from '../../test/reliability/consistency.ts';
import { Progress } from './progress.js';
import { JOB_TITLES, ORGANISATIONS, SECTORS, TAGS, THEMES, TYPES, WORDS } from './vocabulary.js';

export const BENCH_PASSWORD = 'Bench-password-2026';

export const SCALES = {
  large: { collaboratives: 50, users: 5000, threads: 100_000, replies: 1_000_000, practices: 5000 },
  small: { collaboratives: 5, users: 500, threads: 10_000, replies: 100_000, practices: 500 },
};

/** Whether this database already holds a complete load of this scale. */
async function alreadyLoaded(client, scale) {
  const found = await client.query(`SELECT 1 FROM pg_tables WHERE tablename = 'bench_meta'`);
  if (found.rowCount === 0) return false;
  const meta = await client.query(`SELECT scale FROM bench_meta WHERE complete`);
  return meta.rows[0]?.scale === scale;
}

/**
 * Loads a scale with set operations only (generate_series, INSERT … SELECT, window
 * functions): no row goes through the API. Skew: thread i of collaborative c is drawn with
 * c = floor(C·u³) (a few very busy collaboratives) and replies pick their thread as
 * floor(T·u³) (a few very busy threads). Counters are computed from the rows, then checked
 * with the reliability suite's rules.
 */
export async function loadData(url, scale, { reload = false } = {}) {
  const size = SCALES[scale];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!reload && (await alreadyLoaded(client, scale))) {
      process.stderr.write(`Data for scale "${scale}" already loaded (use --reload to load again)\n`);
      return await summary(client);
    }
    const progress = new Progress([
      { name: 'schema (migrations)', weight: 2 },
      { name: 'users, sessions, collaboratives, follows', weight: 2 },
      { name: 'threads', weight: 8 },
      { name: 'replies', weight: 60 },
      { name: 'counters, accepted answers', weight: 8 },
      { name: 'practices', weight: 2 },
      { name: 'indexes', weight: 25 },
      { name: 'vacuum analyze', weight: 8 },
      { name: 'verify counters and search vectors', weight: 10 },
    ]);
    await progress.step('schema (migrations)', async () => {
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      const source = new DataSource(dataSourceOptions(url));
      await source.initialize();
      await source.runMigrations({ transaction: 'each' });
      await source.destroy();
      await client.query(
        `CREATE TABLE bench_meta (scale text NOT NULL, complete boolean NOT NULL DEFAULT false, loaded_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query(`INSERT INTO bench_meta (scale) VALUES ($1)`, [scale]);
    });
    // Bulk load: no per-row triggers or foreign-key checks (search vectors are written
    // explicitly with the triggers' own expressions), and secondary indexes built afterwards.
    await client.query(
      `SET session_replication_role = replica; SET maintenance_work_mem = '256MB'; SET work_mem = '128MB'; SET synchronous_commit = off`,
    );
    const indexes = (
      await client.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('threads', 'replies') AND indexname NOT LIKE '%_pkey'`,
      )
    ).rows;
    for (const index of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.indexname)}`);

    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
    await progress.step('users, sessions, collaboratives, follows', () => people(client, size, hash));
    await progress.step('threads', () => threads(client, size));
    await progress.step('replies', () => replies(client, size));
    await progress.step('counters, accepted answers', () => counters(client));
    await progress.step('practices', () => practices(client, size));
    await progress.step('indexes', async () => {
      await client.query(`SET session_replication_role = origin`);
      for (const index of indexes) await client.query(index.indexdef);
    });
    await progress.step('vacuum analyze', () => client.query('VACUUM ANALYZE'));
    await progress.step('verify counters and search vectors', async () => {
      const check = await checkCounters(client);
      if (check.mismatches.length > 0)
        throw new Error(`Counters are not exact:\n${check.mismatches.slice(0, 10).join('\n')}`);
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM threads WHERE search_vector IS NULL AND deleted_at IS NULL)
              + (SELECT count(*) FROM replies WHERE search_vector IS NULL AND deleted_at IS NULL)
              + (SELECT count(*) FROM practices WHERE search_vector IS NULL AND status = 'published') AS missing`,
      );
      if (Number(rows[0].missing) > 0) throw new Error(`${rows[0].missing} posts have no search vector`);
    });
    await client.query(`UPDATE bench_meta SET complete = true, loaded_at = now()`);
    return await summary(client);
  } finally {
    await client.end();
  }
}

async function summary(client) {
  const { rows } = await client.query(`
    SELECT (SELECT count(*) FROM collaboratives)::int AS collaboratives, (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM threads)::int AS threads, (SELECT count(*) FROM replies)::int AS replies,
           (SELECT count(*) FROM practices)::int AS practices,
           (SELECT max(thread_count) FROM collaboratives)::int AS "busiestCollaborativeThreads",
           (SELECT max(reply_count) FROM threads)::int AS "busiestThreadReplies",
           (SELECT follower_count FROM collaboratives c JOIN bench_collaboratives b ON b.id = c.id WHERE b.n = 0)::int AS "busiestCollaborativeFollowers",
           pg_size_pretty(pg_database_size(current_database())) AS "databaseSize"`);
  return rows[0];
}

async function people(client, size, hash) {
  const { users: U, collaboratives: C } = size;
  await client.query(`CREATE TABLE bench_users AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${U}) n`);
  await client.query(
    `CREATE TABLE bench_collaboratives AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, ${C - 1}) n`,
  );
  await client.query(
    `INSERT INTO users (id, email, password_hash, display_name, organisation, job_title, sector, role, handle, created_at, updated_at, email_confirmed_at)
     SELECT id, 'bench-user-' || n || '@bench.example.nhs.uk', $1, 'Bench User ' || n,
            ($2::text[])[1 + n % cardinality($2::text[])], ($3::text[])[1 + n % cardinality($3::text[])],
            (($4::text[])[1 + n % cardinality($4::text[])])::user_sector,
            (CASE WHEN n = 1 THEN 'admin' WHEN n <= 3 THEN 'moderator' ELSE 'member' END)::user_role,
            'bench-user-' || n, now() - interval '400 days', now() - interval '400 days', now() - interval '400 days'
       FROM bench_users`,
    [hash, ORGANISATIONS, JOB_TITLES, SECTORS],
  );
  await client.query(
    `INSERT INTO sessions (user_id, user_agent, ip, expires_at) SELECT id, 'bench', '127.0.0.1', now() + interval '30 days' FROM bench_users`,
  );
  // Every tenth collaborative is members only; the busiest (n = 0) is public.
  await client.query(
    `INSERT INTO collaboratives (id, name, slug, description, description_html, type, sectors, region, visibility, created_at, updated_at, last_activity_at)
     SELECT id, 'Bench collaborative ' || n, 'bench-collaborative-' || n, 'A provider collaborative generated for benchmarks.',
            '<p>A provider collaborative generated for benchmarks.</p>' || chr(10), (($1::text[])[1 + n % cardinality($1::text[])])::collaborative_type,
            ARRAY['acute', 'community'], 'Region ' || (n % 7), (CASE WHEN n % 10 = 9 THEN 'members' ELSE 'public' END)::collaborative_visibility,
            now() - interval '400 days', now() - interval '400 days', now() - interval '400 days'
       FROM bench_collaboratives`,
    [TYPES],
  );
  // Each person belongs to one collaborative (the first members lead it) and follows it.
  await client.query(
    `INSERT INTO collaborative_members (collaborative_id, user_id, role)
     SELECT c.id, u.id, (CASE WHEN u.n <= ${C} THEN 'lead' ELSE 'member' END)::membership_role
       FROM bench_users u JOIN bench_collaboratives c ON c.n = u.n % ${C}`,
  );
  await client.query(
    `INSERT INTO collaborative_follows (collaborative_id, user_id) SELECT collaborative_id, user_id FROM collaborative_members`,
  );
  // Most people follow the busiest collaborative (the live fan-out scenario needs its
  // followers), and two more public ones, skewed towards the busy end.
  await client.query(
    `INSERT INTO collaborative_follows (collaborative_id, user_id)
     SELECT c.id, u.id FROM bench_users u JOIN bench_collaboratives c ON c.n = 0 WHERE u.n <= ${Math.round(U * 0.6)}
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO collaborative_follows (collaborative_id, user_id)
     SELECT c.id, p.user_id
       FROM (SELECT u.id AS user_id, floor(${C} * random() ^ 2)::int AS cn FROM bench_users u, generate_series(1, 2)) p
       JOIN bench_collaboratives c ON c.n = p.cn JOIN collaboratives cc ON cc.id = c.id AND cc.visibility = 'public'
     ON CONFLICT DO NOTHING`,
  );
  // Sentences drawn from the vocabulary, early words far more often (u³ skew).
  await client.query(
    `CREATE TABLE bench_sentences AS
     SELECT k, (SELECT initcap(string_agg(($1::text[])[1 + floor(cardinality($1::text[]) * random() ^ 3)::int], ' ')) || '.'
                  FROM generate_series(1, 8 + (k % 9)) w WHERE w > 0 * k) AS s
       FROM generate_series(1, 4000) k`,
    [WORDS],
  );
  await client.query(`CREATE UNIQUE INDEX ON bench_sentences (k)`);
}

// Bodies are plain sentences with no markup and no @handles: their excerpt is their start, and they mention nobody.
const EXCERPT = 'left(x.body, 160)';

async function threads(client, size) {
  const { users: U, collaboratives: C, threads: T } = size;
  await client.query(
    `CREATE TABLE bench_threads AS
     SELECT k, gen_random_uuid() AS id, floor(${C} * random() ^ 3)::int AS cn, now() - interval '2 days' - random() * interval '365 days' AS created_at,
            1 + floor(${U} * random())::int AS author_n, 1 + floor(4000 * random())::int AS a, 1 + floor(4000 * random())::int AS b,
            1 + floor(4000 * random())::int AS c, random() AS r
       FROM generate_series(1, ${T}) k`,
  );
  await client.query(`CREATE UNIQUE INDEX ON bench_threads (k)`);
  await client.query(
    `INSERT INTO threads (id, collaborative_id, author_id, kind, title, body, body_html, excerpt, mentions, tags, created_at, last_activity_at, search_vector)
     SELECT x.id, x.collaborative_id, x.author_id, x.kind, x.title, x.body, '<p>' || x.body || '</p>' || chr(10), ${EXCERPT}, '{}', x.tags, x.created_at, x.created_at,
            setweight(to_tsvector('english', x.title), 'A') || setweight(to_tsvector('english', array_to_string(x.tags, ' ')), 'B') ||
            setweight(to_tsvector('english', x.body), 'C')
       FROM (SELECT t.id, c.id AS collaborative_id, u.id AS author_id,
                    (CASE WHEN t.r < 0.7 THEN 'question' ELSE 'discussion' END)::thread_kind AS kind,
                    left(rtrim(sa.s, '.'), 190) || '?' AS title, sb.s || ' ' || sc.s AS body,
                    CASE WHEN t.r < 0.6 THEN ARRAY[($1::text[])[1 + (t.k % cardinality($1::text[]))]] ELSE '{}'::text[] END AS tags, t.created_at
               FROM bench_threads t JOIN bench_collaboratives c ON c.n = t.cn JOIN bench_users u ON u.n = t.author_n
               JOIN bench_sentences sa ON sa.k = t.a JOIN bench_sentences sb ON sb.k = t.b JOIN bench_sentences sc ON sc.k = t.c) x`,
    [TAGS],
  );
}

async function replies(client, size) {
  const { users: U, threads: T, replies: R } = size;
  await client.query(
    `CREATE UNLOGGED TABLE bench_reply_plan AS
     SELECT g, 1 + floor(${T} * random() ^ 3)::int AS tk, random() AS f, 1 + floor(${U} * random())::int AS author_n,
            1 + floor(4000 * random())::int AS a, 1 + floor(4000 * random())::int AS b
       FROM generate_series(1, ${R}) g`,
  );
  await client.query(
    `INSERT INTO replies (id, thread_id, position, author_id, body, body_html, excerpt, mentions, created_at, search_vector)
     SELECT gen_random_uuid(), x.thread_id, row_number() OVER (PARTITION BY x.thread_id ORDER BY x.created_at, x.g), x.author_id,
            x.body, '<p>' || x.body || '</p>' || chr(10), ${EXCERPT}, '{}', x.created_at, setweight(to_tsvector('english', x.body), 'C')
       FROM (SELECT p.g, t.id AS thread_id, u.id AS author_id, sa.s || ' ' || sb.s AS body,
                    t.created_at + p.f * (now() - interval '1 day' - t.created_at) AS created_at
               FROM bench_reply_plan p JOIN bench_threads t ON t.k = p.tk JOIN bench_users u ON u.n = p.author_n
               JOIN bench_sentences sa ON sa.k = p.a JOIN bench_sentences sb ON sb.k = p.b) x`,
  );
  await client.query(`DROP TABLE bench_reply_plan`);
}

async function counters(client) {
  // Statistics first: without them the planner picks nested loops over a million rows.
  await client.query('ANALYZE threads; ANALYZE replies; ANALYZE collaboratives');
  await client.query(
    `UPDATE threads t SET reply_count = x.n, reply_seq = x.n, last_activity_at = GREATEST(t.created_at, x.last)
       FROM (SELECT thread_id, count(*)::int AS n, max(created_at) AS last FROM replies GROUP BY thread_id) x
      WHERE t.id = x.thread_id`,
  );
  // A third of the answered questions have an accepted answer (the first reply).
  await client.query(
    `UPDATE threads t SET accepted_reply_id = r.id FROM replies r
      WHERE r.thread_id = t.id AND r.position = 1 AND t.kind = 'question' AND hashtext(t.id::text) % 3 = 0`,
  );
  // Two pinned threads in each collaborative.
  await client.query(
    `UPDATE threads t SET is_pinned = true FROM (
       SELECT id, row_number() OVER (PARTITION BY collaborative_id ORDER BY created_at) AS rn FROM threads) p
      WHERE p.id = t.id AND p.rn <= 2`,
  );
  await client.query(
    `UPDATE collaboratives c SET
        follower_count = (SELECT count(*) FROM collaborative_follows f WHERE f.collaborative_id = c.id),
        member_count = (SELECT count(*) FROM collaborative_members m WHERE m.collaborative_id = c.id),
        thread_count = coalesce(x.threads, 0), post_count = coalesce(x.threads, 0) + coalesce(x.replies, 0),
        last_activity_at = coalesce(x.last, c.last_activity_at)
       FROM (SELECT c2.id, (SELECT count(*) FROM threads t WHERE t.collaborative_id = c2.id) AS threads,
                    (SELECT sum(t.reply_count) FROM threads t WHERE t.collaborative_id = c2.id) AS replies,
                    (SELECT max(t.last_activity_at) FROM threads t WHERE t.collaborative_id = c2.id) AS last
               FROM collaboratives c2) x
      WHERE x.id = c.id`,
  );
}

async function practices(client, size) {
  const { users: U, collaboratives: C, practices: P } = size;
  await client.query(`SET session_replication_role = origin`);
  // Through the search-vector trigger: few rows.
  await client.query(
    `INSERT INTO practices (collaborative_id, author_id, title, summary, challenge, challenge_html, approach, approach_html, outcomes, outcomes_html,
                            lessons, lessons_html, sectors, themes, tags, organisations, status, published_at, last_activity_at, created_at, updated_at)
     SELECT CASE WHEN x.r < 0.5 THEN NULL ELSE (SELECT c.id FROM bench_collaboratives c JOIN collaboratives cc ON cc.id = c.id
                                               WHERE cc.visibility = 'public' AND c.n = x.cn) END,
            x.author_id, left(rtrim(sa.s, '.'), 190), sb.s, sa.s, '<p>' || sa.s || '</p>' || chr(10), sb.s, '<p>' || sb.s || '</p>' || chr(10),
            sc.s, '<p>' || sc.s || '</p>' || chr(10), sd.s, '<p>' || sd.s || '</p>' || chr(10), ARRAY['acute'],
            ARRAY[($1::text[])[1 + x.k % cardinality($1::text[])]], '{}', ARRAY['Bench Trust'], 'published', x.at, x.at, x.at, x.at
       FROM (SELECT k, random() AS r, (k % ${C}) AS cn, u.id AS author_id, now() - random() * interval '300 days' AS at,
                    1 + floor(4000 * random())::int AS a, 1 + floor(4000 * random())::int AS b, 1 + floor(4000 * random())::int AS c,
                    1 + floor(4000 * random())::int AS d
               FROM generate_series(1, ${P}) k JOIN bench_users u ON u.n = 1 + (k * 7919) % ${U}) x
       JOIN bench_sentences sa ON sa.k = x.a JOIN bench_sentences sb ON sb.k = x.b JOIN bench_sentences sc ON sc.k = x.c JOIN bench_sentences sd ON sd.k = x.d`,
    [THEMES],
  );
  await client.query(`SET session_replication_role = replica`);
}
