/**
 * The SQL that opens a thread for a reader ($1 the thread, $2 the reader, $3 its
 * collaborative): their vote and follows and, with `countView`, their view counted if it
 * is their first, returning the new count (`view_count` is null when nothing was
 * counted). One statement: every opening of a thread asks it. Free of Nest and TypeORM,
 * so the benchmark's baseline server runs the same text.
 *
 * Views are distinct signed-in readers other than the author. A first visit writes one
 * row and bumps the counter in the same statement; every later visit is an index probe
 * that writes nothing (ON CONFLICT DO NOTHING checks before inserting). So popular
 * threads are not rewritten on every read, the count survives restarts and several
 * instances, and reloading a page does not inflate it.
 */
export function viewerStateSql(countView: boolean): string {
  const counted = countView
    ? `WITH first_view AS (
         INSERT INTO thread_views (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING thread_id
       ), counted AS (
         UPDATE threads SET view_count = view_count + 1 WHERE id IN (SELECT thread_id FROM first_view) RETURNING view_count
       )`
    : '';
  return `${counted}
    SELECT ${countView ? '(SELECT view_count FROM counted)' : 'NULL::integer'} AS view_count,
           EXISTS (SELECT 1 FROM thread_votes WHERE thread_id = $1 AND user_id = $2) AS voted,
           EXISTS (SELECT 1 FROM collaborative_follows WHERE collaborative_id = $3 AND user_id = $2) AS follows,
           EXISTS (SELECT 1 FROM thread_follows WHERE thread_id = $1 AND user_id = $2) AS following`;
}

export interface ViewerStateRow {
  view_count: number | null;
  voted: boolean;
  follows: boolean;
  following: boolean;
}
