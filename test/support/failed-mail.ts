import { DataSource } from 'typeorm';

import type { TestApp } from './test-app.js';

/**
 * A message the forum gave up on, for an admin to retry: written straight into the outbox,
 * since reaching it by sending would take MAIL_GIVE_UP_HOURS of refusals.
 */
export async function failedMail(forum: TestApp, to = 'unreachable@trust.nhs.uk'): Promise<string> {
  const [row] = await forum.app.get(DataSource).query(
    `INSERT INTO mail_messages (message_id, to_address, category, template, data, status, attempts, last_error)
     VALUES ('<' || gen_random_uuid() || '@localhost>', $1, 'account', 'address-confirmation',
             '{"name":"Ada","code":"123456","link":"http://localhost/confirm"}', 'failed', 12, '550 Mailbox unavailable')
     RETURNING id`,
    [to],
  );
  return row.id;
}
