import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { queueMail } from '../src/outbox/queue-mail.js';
import { eventually } from './support/eventually.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const confirmation = (to: string, idempotencyKey?: string) =>
  ({
    to,
    template: 'address-confirmation',
    data: { name: 'Ada', code: '123456', link: 'http://localhost/confirm' },
    category: 'account',
    idempotencyKey,
  }) as const;

describe('the mail outbox', () => {
  let forum: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    forum = await startTestApp();
    db = forum.app.get(DataSource);
  });
  afterAll(() => forum?.close());

  const rowsTo = (to: string) =>
    db.query(
      `SELECT message_id, status, data, category, template, transport FROM mail_messages WHERE to_address = $1`,
      [to],
    );

  test('a message exists exactly when the transaction that queued it commits', async () => {
    await db.transaction((manager) => queueMail(manager, confirmation('kept@trust.nhs.uk')));
    await expect(
      db.transaction(async (manager) => {
        await queueMail(manager, confirmation('rolled-back@trust.nhs.uk'));
        throw new Error('the write that caused it failed');
      }),
    ).rejects.toThrow('the write that caused it failed');

    // Without SMTP_URL outside production the development mailbox takes it, and keeps its variables.
    const kept = await eventually(async () => {
      const [row] = await rowsTo('kept@trust.nhs.uk');
      return row?.status === 'sent' ? row : null;
    }, 'the message in the mailbox');
    expect(kept).toMatchObject({ category: 'account', template: 'address-confirmation', transport: 'mailbox' });
    expect(kept.data).toEqual({ name: 'Ada', code: '123456', link: 'http://localhost/confirm' });
    expect(kept.message_id).toMatch(/^<[0-9a-f-]{36}@[^>]+>$/);
    expect(await rowsTo('rolled-back@trust.nhs.uk')).toEqual([]);
  });

  test('a message that cannot be rendered fails at once, for admins to see, instead of retrying for days', async () => {
    await db.transaction((manager) =>
      queueMail(manager, { ...confirmation('unrenderable@trust.nhs.uk'), template: 'no-such-template' as never }),
    );
    const failed = await eventually(async () => {
      const [row] = await db.query(`SELECT status, last_error FROM mail_messages WHERE to_address = $1`, [
        'unrenderable@trust.nhs.uk',
      ]);
      return row?.status === 'failed' ? row : null;
    }, 'the message failed');
    expect(failed.last_error).toBe('Could not be rendered: No mail template is registered as no-such-template');
  });

  test('queuing the same idempotency key twice keeps one message', async () => {
    const key = `test:${Date.now()}:email`;
    await db.transaction((manager) => queueMail(manager, confirmation('once@trust.nhs.uk', key)));
    await db.transaction((manager) => queueMail(manager, confirmation('once@trust.nhs.uk', key)));
    expect(await rowsTo('once@trust.nhs.uk')).toHaveLength(1);
  });
});
