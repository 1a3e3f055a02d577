/*
 * "May this person read this collaborative?" in SQL, for queries that check many at once.
 * The same rule as `AccessService.decide`: public, or a member, or site staff. Free of
 * Nest and TypeORM so the benchmark's baseline runs the very same SQL.
 */

/**
 * The collaborative in `collaborativeIdColumn` is public or has `reader` as a member.
 * `reader` is the query's placeholder for the person's id (`$1`, `:readerId`). Site staff
 * read everything: callers add that themselves (see `readableSql`).
 */
export const readableByMember = (collaborativeIdColumn: string, reader: string) =>
  `EXISTS (SELECT 1 FROM collaboratives rc WHERE rc.id = ${collaborativeIdColumn} AND (rc.visibility = 'public'
     OR EXISTS (SELECT 1 FROM collaborative_members rm WHERE rm.collaborative_id = rc.id AND rm.user_id = ${reader})))`;

/**
 * The read rule for a query with positional parameters: `reader` and `staff` are the
 * placeholders of the person's id and of whether they are site staff (`isSiteStaff`).
 */
export const readableSql = (collaborativeIdColumn: string, reader: string, staff: string): string =>
  `(${staff} OR ${readableByMember(collaborativeIdColumn, reader)})`;

/**
 * For each ($1[i] person, $2[i] collaborative) pair, in order: whether that person exists
 * and may read it (a null collaborative: readable by everyone signed in).
 */
export const MAY_READ_EACH_SQL = `SELECT u.id IS NOT NULL AND (d.collaborative_id IS NULL OR (c.id IS NOT NULL AND (c.visibility = 'public'
           OR u.role IN ('moderator', 'admin') OR m.user_id IS NOT NULL))) AS readable
    FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS d(user_id, collaborative_id, position)
    LEFT JOIN users u ON u.id = d.user_id
    LEFT JOIN collaboratives c ON c.id = d.collaborative_id
    LEFT JOIN collaborative_members m ON m.collaborative_id = d.collaborative_id AND m.user_id = d.user_id
   ORDER BY d.position`;
