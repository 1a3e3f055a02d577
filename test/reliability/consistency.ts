import { setTimeout as sleep } from 'node:timers/promises';

import type pg from 'pg';

import type { JournalEntry, WriteKind } from './write-load.js';

/**
 * The states a key may be in now: that of its last acknowledged write, or of any later
 * write whose answer never came (it may have committed before the fault).
 */
function allowedStates(entries: JournalEntry[], initial: unknown): unknown[] {
  const lastAcked = entries.map((entry) => entry.outcome).lastIndexOf('acked');
  const from = lastAcked === -1 ? [initial] : [entries[lastAcked]!.state];
  return [
    ...from,
    ...entries
      .slice(lastAcked + 1)
      .filter((entry) => entry.outcome === 'unknown')
      .map((entry) => entry.state),
  ];
}

export interface WritesCheck {
  acknowledged: number;
  found: number;
  lost: string[];
}

/** Every acknowledged write is in the database (unless a later write to the same key replaced it). */
export async function checkAcknowledgedWrites(
  db: pg.Client,
  journal: JournalEntry[],
  kinds: readonly WriteKind[],
): Promise<WritesCheck> {
  const byKey = new Map<string, JournalEntry[]>();
  for (const entry of journal) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  const lost: string[] = [];
  for (const [key, entries] of byKey) {
    const kind = kinds.find((candidate) => candidate.name === entries[0]!.kind)!;
    const actual = await kind.read(db, key);
    const allowed = allowedStates(entries, kind.initial);
    if (!allowed.some((state) => state === actual))
      lost.push(`${key}: database has ${JSON.stringify(actual)}, acknowledged ${JSON.stringify(allowed[0])}`);
  }
  const acknowledged = journal.filter((entry) => entry.outcome === 'acked').length;
  return { acknowledged, found: lost.length === 0 ? acknowledged : acknowledged - lost.length, lost };
}

/**
 * How each counter column is recounted from the rows it counts. A counter column with no
 * rule here fails the check, so a new counter (reply_count, vote_count…) gets one.
 */
type CounterRule = (tables: Set<string>) => string | { error: string };

const recount = (table: string, column: string, actual: string): string =>
  `SELECT id::text, ${column}::bigint AS stored, (${actual})::bigint AS actual FROM ${table} c WHERE ${column} <> (${actual})`;

export const COUNTER_RULES: Record<string, CounterRule> = {
  'collaboratives.follower_count': () =>
    recount(
      'collaboratives',
      'follower_count',
      'SELECT count(*) FROM collaborative_follows f WHERE f.collaborative_id = c.id',
    ),
  'collaboratives.member_count': () =>
    recount(
      'collaboratives',
      'member_count',
      'SELECT count(*) FROM collaborative_members m WHERE m.collaborative_id = c.id',
    ),
  // Live threads, and live threads plus live replies (deleted ones are tombstones that no longer count).
  'collaboratives.thread_count': () =>
    recount(
      'collaboratives',
      'thread_count',
      'SELECT count(*) FROM threads t WHERE t.collaborative_id = c.id AND t.deleted_at IS NULL',
    ),
  'collaboratives.post_count': () =>
    recount(
      'collaboratives',
      'post_count',
      `(SELECT count(*) FROM threads t WHERE t.collaborative_id = c.id AND t.deleted_at IS NULL)
       + (SELECT count(*) FROM replies r JOIN threads t ON t.id = r.thread_id WHERE t.collaborative_id = c.id AND r.deleted_at IS NULL)`,
    ),
  'threads.reply_count': () =>
    recount(
      'threads',
      'reply_count',
      'SELECT count(*) FROM replies r WHERE r.thread_id = c.id AND r.deleted_at IS NULL',
    ),
  'threads.vote_count': () =>
    recount('threads', 'vote_count', 'SELECT count(*) FROM thread_votes v WHERE v.thread_id = c.id'),
  'threads.view_count': () =>
    recount('threads', 'view_count', 'SELECT count(*) FROM thread_views v WHERE v.thread_id = c.id'),
  'replies.vote_count': () =>
    recount('replies', 'vote_count', 'SELECT count(*) FROM reply_votes v WHERE v.reply_id = c.id'),
  'practices.comment_count': () =>
    recount(
      'practices',
      'comment_count',
      'SELECT count(*) FROM practice_comments m WHERE m.practice_id = c.id AND m.deleted_at IS NULL',
    ),
  'practices.endorsement_count': () =>
    recount(
      'practices',
      'endorsement_count',
      'SELECT count(*) FROM practice_endorsements e WHERE e.practice_id = c.id',
    ),
  // Every non-author read adds one and no rows are kept, so the only checkable rule is that it never goes negative.
  'practices.view_count': () =>
    recount('practices', 'view_count', 'SELECT count(*) FROM practice_views v WHERE v.practice_id = c.id'),
};

export interface CounterCheck {
  columns: string[];
  mismatches: string[];
}

/** Every integer `*_count` column in the schema equals a recount of what it counts. */
export async function checkCounters(db: pg.Client): Promise<CounterCheck> {
  const tables = new Set(
    (
      await db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
      )
    ).rows.map((row) => row.name),
  );
  const columns = (
    await db.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%\\_count' AND data_type IN ('integer', 'bigint', 'smallint') ORDER BY 1`,
    )
  ).rows.map((row) => row.name);
  const mismatches: string[] = [];
  for (const column of columns) {
    const rule = COUNTER_RULES[column];
    const sql = rule
      ? rule(tables)
      : { error: 'no consistency rule: add one to COUNTER_RULES in test/reliability/consistency.ts' };
    if (typeof sql !== 'string') {
      mismatches.push(`${column}: ${sql.error}`);
      continue;
    }
    for (const row of (await db.query<{ id: string; stored: string; actual: string }>(sql)).rows) {
      mismatches.push(`${column} of ${row.id} is ${row.stored}, but there are ${row.actual}`);
    }
  }
  return { columns, mismatches };
}

/**
 * Waits until no more events are coming: the notifications consumer has read up to the
 * newest event and nothing new arrived for a while. The consumer appends notification
 * events after the writes that caused them, so an expected list taken earlier can miss
 * one that a live client then receives (a test race, not a lost or extra event).
 */
export async function eventsSettled(db: pg.Client, timeoutMs = 30_000): Promise<void> {
  let last: string | null = null;
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(500)) {
    const { rows } = await db.query<{ newest: string; consumed: string }>(
      `SELECT coalesce(max(id), 0)::text AS newest,
              coalesce((SELECT event_id FROM event_cursors WHERE name = 'notifications'), 0)::text AS consumed FROM events`,
    );
    const { newest, consumed } = rows[0]!;
    if (newest === consumed && newest === last) return;
    last = newest;
  }
  throw new Error(`events still arriving after ${timeoutMs} ms`);
}

/**
 * The ids of the events a person's live connection should deliver after `afterId`: their
 * own, and those of the collaboratives they follow and may read. The same rule as the
 * server's, restated here so a server that leaks or drops an event disagrees with it.
 */
export async function visibleEventIds(db: pg.Client, userId: string, afterId = '0'): Promise<string[]> {
  const visible = await db.query<{ id: string }>(
    `SELECT e.id::text AS id FROM events e
      WHERE e.id > $2::bigint
        AND (e.user_id = $1
             OR (e.user_id IS NULL AND e.collaborative_id IN (
                   SELECT c.id FROM collaboratives c JOIN collaborative_follows f ON f.collaborative_id = c.id AND f.user_id = $1
                    WHERE c.visibility = 'public'
                       OR EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.role IN ('moderator', 'admin'))
                       OR EXISTS (SELECT 1 FROM collaborative_members m WHERE m.collaborative_id = c.id AND m.user_id = $1))))
      ORDER BY e.id`,
    [userId, afterId],
  );
  return visible.rows.map((row) => row.id);
}
