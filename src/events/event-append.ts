/**
 * The event insert, free of Nest and TypeORM so the benchmark's baseline runs the very
 * same SQL (bench/baseline/notifier.js). `EventStore` is the forum's way in.
 *
 * Sequence ids are handed out at insert but become visible at commit, and concurrent
 * transactions commit out of order: a reader could see 101, resume after it, and never
 * see 100. So each append first takes a transaction-scoped advisory lock, held until
 * commit: event-writing transactions commit one at a time, in id order, and the
 * committed ids always form a prefix.
 */

import { versioned } from './payload-version.js';

/** Advisory lock key that orders event appends; any constant both readers and writers agree on. */
export const EVENT_APPEND_LOCK = 0x65766e74; // "evnt"
export const EVENTS_CHANNEL = 'forum_events';
const APPEND_CHUNK = 1000;

export interface EventToAppend {
  type: string;
  collaborativeId?: string | null;
  threadId?: string | null;
  practiceId?: string | null;
  userId?: string | null;
  payload: object;
}

/** Runs one statement inside the caller's transaction. */
export type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

/** Appends `events` in order, with one lock and a few multi-row inserts, then notifies listeners at commit. */
export async function appendEvents(run: RunSql, events: readonly EventToAppend[]): Promise<void> {
  if (events.length === 0) return;
  await run('SELECT pg_advisory_xact_lock($1)', [EVENT_APPEND_LOCK]);
  for (let start = 0; start < events.length; start += APPEND_CHUNK) {
    const chunk = events.slice(start, start + APPEND_CHUNK);
    // unnest WITH ORDINALITY keeps the given order, so ids follow it.
    await run(
      `INSERT INTO events (type, collaborative_id, thread_id, practice_id, user_id, payload)
       SELECT e.type, e.collaborative_id, e.thread_id, e.practice_id, e.user_id, e.payload::jsonb
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) WITH ORDINALITY
              AS e(type, collaborative_id, thread_id, practice_id, user_id, payload, position)
        ORDER BY e.position`,
      [
        chunk.map((event) => event.type),
        chunk.map((event) => event.collaborativeId ?? null),
        chunk.map((event) => event.threadId ?? null),
        chunk.map((event) => event.practiceId ?? null),
        chunk.map((event) => event.userId ?? null),
        // Stamped here, the one way in, so every stored payload has its version.
        chunk.map((event) => JSON.stringify(versioned(event.payload))),
      ],
    );
  }
  // Delivered to listeners at commit, never for a rolled-back transaction.
  await run(`SELECT pg_notify($1, '')`, [EVENTS_CHANNEL]);
}
