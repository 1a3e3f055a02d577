import { DataSource } from 'typeorm';

import { createUser } from '../factories/user.factory.js';
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

/** A new person's emailed password reset code, for routes that need a valid one. */
export async function resetCode(forum: TestApp): Promise<{ email: string; code: string }> {
  const person = await createUser(forum);
  const asked = await forum.http.post('/api/auth/password-reset', { email: person.email });
  if (asked.status !== 202) throw new Error(`password reset failed: ${asked.status} ${asked.text}`);
  return { email: person.email, code: (await lastMailTo(forum, person.email, 'password-reset'))!.code! };
}
