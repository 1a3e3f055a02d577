import { COUNTER_RULES } from '../reliability/consistency.js';

/** One stored number that disagrees with a recount of the rows it stands for. */
export interface Mismatch {
  table: string;
  /** The row's id (for a revision, the id of the post it belongs to). */
  id: string;
  column: string;
  stored: number;
  recounted: number;
}

/** Runs SQL on the suite's database: `forum.app.get(DataSource)` will do. */
export interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

type Row = { id: string; stored: string | number; recounted: string | number };

/**
 * Positions: a thread hands out 1, 2, 3… under its row lock (`reply_seq` is the last one),
 * so its replies' positions are exactly 1..reply_seq (tombstones keep their place). A
 * merge numbers the moved replies on from the target's last position and leaves the
 * source with none.
 */
const POSITION_CHECKS: { table: string; column: string; sql: string }[] = [
  {
    table: 'replies',
    column: 'position',
    sql: `SELECT id::text, position AS stored, recounted FROM (
            SELECT id, position, row_number() OVER (PARTITION BY thread_id ORDER BY position, id) AS recounted FROM replies
          ) numbered WHERE position <> recounted`,
  },
  {
    table: 'threads',
    column: 'reply_seq',
    sql: `SELECT t.id::text, t.reply_seq AS stored, count(r.id) AS recounted
            FROM threads t LEFT JOIN replies r ON r.thread_id = t.id
           WHERE t.merged_into_id IS NULL
           GROUP BY t.id HAVING t.reply_seq <> count(r.id)`,
  },
];

/** Each edit keeps the version it replaced as revision max + 1: a post's revisions are numbered 1..n. */
const REVISIONS: { table: string; post: string }[] = [
  { table: 'thread_revisions', post: 'thread_id' },
  { table: 'reply_revisions', post: 'reply_id' },
  { table: 'practice_revisions', post: 'practice_id' },
  { table: 'practice_comment_revisions', post: 'comment_id' },
];

const revisionCheck = (table: string, post: string) => ({
  table,
  column: 'number',
  sql: `SELECT ${post}::text AS id, number AS stored, recounted FROM (
          SELECT ${post}, number, row_number() OVER (PARTITION BY ${post} ORDER BY number) AS recounted FROM ${table}
        ) numbered WHERE number <> recounted ORDER BY 1, 2`,
});

/**
 * Every counter, position and revision number in the database against a recount from the
 * base tables; empty when all agree. Counter columns (every integer `*_count`) are
 * recounted by the rules the crash suite uses (`COUNTER_RULES` in
 * test/reliability/consistency.ts), so both suites mean the same by each counter; a
 * counter column without a rule there throws here.
 */
export async function recount(db: Sql): Promise<Mismatch[]> {
  const tables = new Set(
    (
      (await db.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)) as {
        name: string;
      }[]
    ).map((row) => row.name),
  );
  const counters = (
    (await db.query(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%\\_count' AND data_type IN ('integer', 'bigint', 'smallint')
        ORDER BY 1`,
    )) as { name: string }[]
  ).map((row) => row.name);

  const checks: { table: string; column: string; sql: string }[] = [];
  for (const name of counters) {
    const rule = COUNTER_RULES[name]?.(tables);
    if (typeof rule !== 'string')
      throw new Error(`${name} has no recount rule: add one to COUNTER_RULES in test/reliability/consistency.ts`);
    const [table, column] = name.split('.') as [string, string];
    // The rule answers (id, stored, actual) for each row whose counter disagrees.
    checks.push({ table, column, sql: `SELECT id, stored, actual AS recounted FROM (${rule}) drifted` });
  }
  checks.push(...POSITION_CHECKS);
  for (const { table, post } of REVISIONS) if (tables.has(table)) checks.push(revisionCheck(table, post));

  const mismatches: Mismatch[] = [];
  for (const check of checks) {
    for (const row of (await db.query(check.sql)) as Row[]) {
      mismatches.push({
        table: check.table,
        id: row.id,
        column: check.column,
        stored: Number(row.stored),
        recounted: Number(row.recounted),
      });
    }
  }
  return mismatches;
}

const keyOf = (mismatch: Mismatch) =>
  `${mismatch.table} ${mismatch.id} ${mismatch.column} ${mismatch.stored} ${mismatch.recounted}`;

/** The mismatches in `after` that were not already in `before`. */
export function newMismatches(before: Mismatch[], after: Mismatch[]): Mismatch[] {
  const known = new Set(before.map(keyOf));
  return after.filter((mismatch) => !known.has(keyOf(mismatch)));
}
