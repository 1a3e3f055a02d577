import { DataSource } from 'typeorm';

import type { TestApp } from './test-app.js';

/**
 * The newest message of one template queued for an address, as its template's variables (the
 * code, the link). Read from the outbox the development mailbox shows, so a test finds what
 * the person would find in their inbox. Null when none was queued.
 */
export async function lastMailTo(
  forum: TestApp,
  address: string,
  template: string,
): Promise<Record<string, string> | null> {
  const rows: Array<{ data: Record<string, string> }> = await forum.app
    .get(DataSource)
    .query(
      `SELECT data FROM mail_messages WHERE to_address = $1 AND template = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [address, template],
    );
  return rows[0]?.data ?? null;
}

/** The token of an emailed link, as the page it opens reads it. */
export const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
