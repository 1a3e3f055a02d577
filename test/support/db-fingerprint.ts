import pg from 'pg';

/**
 * Tables a refused request may still write, each for a documented reason. Everything
 * else must be byte-for-byte the same after any 4xx.
 */
export const WRITTEN_ON_REFUSAL: Record<string, string> = {
  auth_attempts: 'failed sign-ins and registrations count towards the abuse limits (401, 409, 429 by design)',
  one_time_codes: 'a wrong emailed code counts against that code, which dies after five tries (400 by design)',
};

/** Per table: row count and a hash of every row, so any insert, update or delete shows. */
export type Fingerprint = Map<string, string>;

export class DatabaseWatcher {
  private tables: string[] = [];

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<DatabaseWatcher> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new DatabaseWatcher(client);
  }

  /** Every user table, read afresh, so tables added by later migrations are covered. */
  async fingerprint(): Promise<Fingerprint> {
    const listed = await this.client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    this.tables = listed.rows.map((row) => row.name).filter((name) => !(name in WRITTEN_ON_REFUSAL));
    const parts = this.tables.map(
      (name) =>
        `SELECT ${pg.escapeLiteral(name)} AS name, count(*) || ':' || md5(coalesce(string_agg(md5(t::text), ',' ORDER BY md5(t::text)), '')) AS print
           FROM ${pg.escapeIdentifier(name)} t`,
    );
    const result = await this.client.query<{ name: string; print: string }>(parts.join(' UNION ALL '));
    return new Map(result.rows.map((row) => [row.name, row.print]));
  }

  /**
   * Durable consumers of the event stream (notifications, and any added later) still
   * behind its end: they will write when they catch up. The pruning horizon is no consumer.
   */
  private async consumersBehind(): Promise<number> {
    const found = await this.client.query(
      `SELECT to_regclass('event_cursors') IS NOT NULL AND to_regclass('events') IS NOT NULL AS ready`,
    );
    if (!found.rows[0].ready) return 0;
    const behind = await this.client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM event_cursors
        WHERE name <> 'pruned-through' AND event_id < (SELECT coalesce(max(id), 0) FROM events)`,
    );
    return behind.rows[0]!.count;
  }

  /** Email still waiting for the mail worker, which will mark it sent (the mailbox does at once), or still to be decided. */
  private async mailPending(): Promise<number> {
    const found = await this.client.query(`SELECT to_regclass('mail_messages') IS NOT NULL AS ready`);
    if (!found.rows[0].ready) return 0;
    const pending = await this.client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM mail_messages WHERE status = 'pending'`,
    );
    return pending.rows[0]!.count + (await this.notificationEmailsDue());
  }

  /** Notification emails whose grace window is over but which are not yet queued or skipped. */
  private async notificationEmailsDue(): Promise<number> {
    const found = await this.client.query(`SELECT to_regclass('notification_emails') IS NOT NULL AS ready`);
    if (!found.rows[0].ready) return 0;
    const due = await this.client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM notification_emails WHERE status = 'waiting' AND due_at <= now()`,
    );
    return due.rows[0]!.count;
  }

  /**
   * Waits until background work has settled: consumers caught up, mail sent, and a fingerprint that
   * agrees with the one before it (`known`, when the caller has one, saves a wait).
   */
  async settled(known?: Fingerprint, timeoutMs = 10_000): Promise<Fingerprint> {
    const started = Date.now();
    let previous = known;
    for (;;) {
      if ((await this.consumersBehind()) === 0 && (await this.mailPending()) === 0) {
        const current = await this.fingerprint();
        if (previous && changedTables(previous, current).length === 0) return current;
        previous = current;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`the database did not settle within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]) {
    return this.client.query<T>(sql, values);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}
