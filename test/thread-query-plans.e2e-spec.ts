import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { addFollower, insertCollaborative } from './factories/collaborative-rows.factory.js';
import { askThread } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Every table a plan reads with a sequential scan. */
function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' ? [node['Relation Name']!] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/** How many rows of a table an analysed plan read, over all its loops. */
function rowsRead(node: PlanNode, table: string): number {
  const own = node['Relation Name'] === table ? node['Actual Rows']! * node['Actual Loops']! : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, table), 0);
}

/**
 * On a few thousand threads and replies, every list must read the threads and replies
 * tables through an index (never a sequential scan), with a fixed number of queries
 * per page whatever its size (no N+1). The SQL is what the app really sends: recorded
 * from TypeORM while the routes are called over HTTP, then EXPLAINed with its parameters.
 */
describe('query plans of every list', () => {
  let forum: TestApp;
  let db: DataSource;
  let reader: TestUser;
  let busy: string;
  let busyThread: string;
  let recorded: Array<{ sql: string; params: unknown[] }> | null = null;

  beforeAll(async () => {
    forum = await startTestApp();
    db = forum.app.get(DataSource);
    const author = await createUser(forum);
    reader = await createUser(forum);
    busy = await insertCollaborative(forum);
    const others = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => insertCollaborative(forum)));
    await addFollower(forum, busy, reader);
    await addFollower(forum, others[0]!, reader);
    busyThread = (await askThread(forum, author, busy, { title: 'The busiest thread', body: 'Radiology capacity.' }))
      .id;
    // 4,000 threads over nine collaboratives, and 6,000 replies, 2,000 of them on one thread.
    await db.query(
      `INSERT INTO threads (collaborative_id, author_id, kind, title, body, body_html, excerpt, mentions, tags, vote_count, created_at, last_activity_at)
       SELECT (ARRAY[$1::uuid] || $2::uuid[])[1 + n % 9], $3, (CASE WHEN n % 4 = 0 THEN 'discussion' ELSE 'question' END)::thread_kind,
              'Generated thread ' || n, 'Elective waits and workforce number ' || n, '<p>x</p>', 'x', '{}',
              CASE WHEN n % 10 = 0 THEN ARRAY['workforce'] ELSE ARRAY['diagnostics'] END, n % 17,
              now() - n * interval '1 minute', now() - n * interval '30 seconds'
         FROM generate_series(1, 4000) AS n`,
      [busy, others, author.id],
    );
    await db.query(
      `INSERT INTO replies (thread_id, position, author_id, body, body_html, excerpt, mentions)
       SELECT CASE WHEN n <= 2000 THEN $1 ELSE (SELECT id FROM threads ORDER BY id OFFSET (n % 3000) LIMIT 1) END,
              n, $2, 'Reply about radiology ' || n, '<p>x</p>', 'x', '{}'
         FROM generate_series(1, 6000) AS n`,
      [busyThread, author.id],
    );
    await db.query(`UPDATE threads SET reply_seq = 6000 WHERE id = $1`, [busyThread]);
    await db.query(
      `INSERT INTO thread_revisions (thread_id, number, title, body, body_html, editor_id)
       SELECT $1, n, 'Old title', 'Old body', '<p>x</p>', $2 FROM generate_series(1, 300) AS n`,
      [busyThread, author.id],
    );
    // Statistics for the planner, as autovacuum would gather them.
    await db.query('VACUUM ANALYZE');

    const logger = db.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (sql: string, params?: unknown[], runner?: never) => {
      recorded?.push({ sql, params: params ?? [] });
      return original(sql, params, runner);
    };
  });
  afterAll(() => forum?.close());

  /** Calls the route and returns the SELECTs it sent that read threads or replies. */
  async function queriesOf(path: string) {
    recorded = [];
    const response = await forum.http.get(path, { token: reader.accessToken });
    expect([path, response.status]).toEqual([path, 200]);
    const queries = recorded.filter(({ sql }) => /^\s*(SELECT|WITH)\b/i.test(sql) && /\b(threads|replies)\b/.test(sql));
    recorded = null;
    return { queries, total: queries.length, body: response.body };
  }

  const lists = () => [
    `/api/collaboratives/${busy}/threads`,
    `/api/collaboratives/${busy}/threads?sort=new`,
    `/api/collaboratives/${busy}/threads?sort=top`,
    `/api/collaboratives/${busy}/threads?sort=unanswered`,
    `/api/collaboratives/${busy}/threads?tag=workforce`,
    `/api/threads`,
    `/api/threads/${busyThread}/replies`,
    `/api/threads/${busyThread}/revisions`,
  ];

  test('no list reads threads or replies with a sequential scan, on its first page or a later one', async () => {
    for (const path of lists()) {
      const first = await queriesOf(path);
      const next = await queriesOf(`${path}${path.includes('?') ? '&' : '?'}cursor=${first.body.nextCursor}`);
      expect([path, first.total > 0, next.total > 0]).toEqual([path, true, true]);
      for (const { sql, params } of [...first.queries, ...next.queries]) {
        const [{ 'QUERY PLAN': plan }] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        const scanned = seqScans(plan[0].Plan).filter((table) => table === 'threads' || table === 'replies');
        expect({ path, sql, scanned }).toEqual({ path, sql, scanned: [] });
      }
    }
  });

  test('search for a rare word reads threads and replies through their full-text indexes', async () => {
    const { queries } = await queriesOf('/api/search?q=busiest');
    expect(queries).toHaveLength(1);
    const [{ 'QUERY PLAN': plan }] = await db.query(`EXPLAIN (FORMAT JSON) ${queries[0]!.sql}`, queries[0]!.params);
    expect(seqScans(plan[0].Plan).filter((table) => table === 'threads' || table === 'replies')).toEqual([]);
    expect(JSON.stringify(plan)).toMatch(/threads_search_idx[\s\S]*replies_search_idx/);
  });

  test('search for a common word looks up the threads of one page of replies, not of every match', async () => {
    // 6,000 replies say "radiology". All are ranked, but each thread and access check is a
    // lookup, so those run only down to the page's last reply.
    const { queries } = await queriesOf('/api/search?q=radiology&type=reply&limit=10');
    const [{ 'QUERY PLAN': plan }] = await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${queries[0]!.sql}`,
      queries[0]!.params,
    );
    expect(rowsRead(plan[0].Plan, 'threads')).toBeLessThanOrEqual(30);
  });

  test('every GIN index (full text, tags) takes new posts straight in, so no search reads through a pending list', async () => {
    const indexes: Array<{ name: string; options: string[] | null }> = await db.query(
      `SELECT c.relname AS name, c.reloptions AS options FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' ORDER BY c.relname`,
    );
    const names = [
      'collaboratives_search_idx',
      'practices_search_idx',
      'replies_search_idx',
      'threads_search_idx',
      'threads_tags_idx',
    ];
    expect(indexes).toEqual(names.map((name) => ({ name, options: ['fastupdate=off'] })));
  });

  test('search starts no parallel workers, even where parallelism is made free', async () => {
    // Each worker is a new PostgreSQL process per query; under load they only took cores
    // from other requests (pool-options.ts). Costs set to zero make the planner want them.
    const { queries } = await queriesOf('/api/search?q=radiology');
    const plan = await db.transaction(async (manager) => {
      for (const setting of [
        'parallel_setup_cost',
        'parallel_tuple_cost',
        'min_parallel_table_scan_size',
        'min_parallel_index_scan_size',
      ]) {
        await manager.query(`SET LOCAL ${setting} = 0`);
      }
      const [{ 'QUERY PLAN': explained }] = await manager.query(
        `EXPLAIN (FORMAT JSON) ${queries[0]!.sql}`,
        queries[0]!.params,
      );
      return JSON.stringify(explained);
    });
    expect(plan).not.toMatch(/"Node Type":"Gather|"Parallel Aware":true/);
  });

  test('a page of 100 takes as many queries as a page of 2: authors and votes are loaded per page', async () => {
    for (const path of [...lists(), '/api/search?q=radiology']) {
      const small = await queriesOf(`${path}${path.includes('?') ? '&' : '?'}limit=2`);
      const large = await queriesOf(`${path}${path.includes('?') ? '&' : '?'}limit=100`);
      expect(large.body.items.length).toBeGreaterThan(2);
      expect([path, small.total > 0]).toEqual([path, true]);
      expect([path, large.total]).toEqual([path, small.total]);
    }
  });
});
