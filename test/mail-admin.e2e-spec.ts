import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { queueMail } from '../src/outbox/queue-mail.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { failedMail } from './support/failed-mail.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the development mailbox and the admin view of mail', () => {
  let forum: TestApp;
  let admin: TestUser;
  let sequence = 0;

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
  });
  afterAll(() => forum?.close());

  async function queueTo(to: string): Promise<string> {
    const code = String(100000 + ++sequence);
    await forum.app.get(DataSource).transaction((manager) =>
      queueMail(manager, {
        to,
        template: 'address-confirmation',
        data: { name: 'Ada', code, link: `${forum.config.publicUrl}/confirm?token=${code}` },
        category: 'account',
      }),
    );
    return code;
  }

  const mailbox = (query: string) => forum.http.get(`/api/dev/mailbox?${query}`);

  test('lists what the forum would have sent to an address, newest first, a page at a time', async () => {
    const codes = [await queueTo('reader@trust.nhs.uk'), await queueTo('reader@trust.nhs.uk')];
    codes.push(await queueTo('reader@trust.nhs.uk'));
    await queueTo('someone-else@trust.nhs.uk');
    await eventually(
      async () => (await mailbox('to=reader@trust.nhs.uk&limit=100')).body.items?.length === 3,
      'three messages in the mailbox',
    );

    const first = await mailbox('to=READER@trust.nhs.uk&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: any) => item.subject)).toEqual([
      `Confirm your email address: ${codes[2]}`,
      `Confirm your email address: ${codes[1]}`,
    ]);
    expect(first.body.items[0]).toMatchObject({ to: 'reader@trust.nhs.uk', messageId: expect.stringMatching(/^</) });
    expect(first.body.items[0].text).toContain(`${forum.config.publicUrl}/confirm?token=${codes[2]}`);
    const second = await mailbox(`to=reader@trust.nhs.uk&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: any) => item.subject)).toEqual([`Confirm your email address: ${codes[0]}`]);
    expect(second.body.nextCursor).toBeNull();
  });

  test('admins list the failed messages and queue one again, which then goes', async () => {
    const id = await failedMail(forum, 'bounced@trust.nhs.uk');
    const failed = await forum.http.get('/api/admin/mail?status=failed', { token: admin.accessToken });
    expect(failed.status).toBe(200);
    const listed = failed.body.items.find((item: any) => item.id === id);
    expect(listed).toMatchObject({ status: 'failed', attempts: 12, lastError: '550 Mailbox unavailable' });
    expect(listed).not.toHaveProperty('data');

    const retried = await forum.http.post(`/api/admin/mail/${id}/retry`, undefined, { token: admin.accessToken });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, status: 'pending', messageId: listed.messageId });
    await eventually(
      async () => (await mailbox('to=bounced@trust.nhs.uk')).body.items.length === 1,
      'the retried message in the mailbox',
    );

    const again = await forum.http.post(`/api/admin/mail/${id}/retry`, undefined, { token: admin.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Only a failed email can be retried; this one is already sent.');
    const missing = await forum.http.post(`/api/admin/mail/${crypto.randomUUID()}/retry`, undefined, {
      token: admin.accessToken,
    });
    expect(missing.status).toBe(404);
  });

  test('with SMTP there is no mailbox to read', async () => {
    const smtpForum = await startTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    try {
      const answer = await smtpForum.http.get('/api/dev/mailbox');
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toMatch(/MAIL_TRANSPORT=mailbox outside production/);
    } finally {
      await smtpForum.close();
    }
  });
});
