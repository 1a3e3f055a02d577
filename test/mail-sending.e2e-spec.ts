import { generateKeyPairSync } from 'node:crypto';

import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { AdjustableClock } from '../src/common/clock.js';
import { queueMail } from '../src/outbox/queue-mail.js';
import { eventually } from './support/eventually.js';
import { SmtpPeer } from './support/smtp-peer.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;

describe('sending mail over SMTP', () => {
  const clock = new AdjustableClock();
  let smtp: SmtpPeer;
  let forum: TestApp;
  let db: DataSource;
  let sequence = 0;

  const env = () => ({ SMTP_URL: smtp.url, MAIL_RETRY_SECONDS: '1', MAIL_POLL_SECONDS: '1' });

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    forum = await startTestApp({ clock, env: env() });
    db = forum.app.get(DataSource);
  });
  afterEach(() => smtp.accept());
  afterAll(async () => {
    await forum?.close();
    await smtp?.stop();
  });

  /** Queues one confirmation to a new address, as registration would, and returns the address. */
  async function queueConfirmation(on: DataSource = db, key?: string): Promise<string> {
    const to = `person${++sequence}@trust.nhs.uk`;
    await on.transaction((manager) =>
      queueMail(manager, {
        to,
        template: 'address-confirmation',
        data: { name: 'Ada <Lovelace>', code: '482913', link: `${forum.config.publicUrl}/confirm?token=t${sequence}` },
        category: 'account',
        idempotencyKey: key,
      }),
    );
    return to;
  }

  const row = async (to: string) =>
    (
      await db.query(
        `SELECT message_id, status, attempts, last_error, data, transport, sent_at FROM mail_messages WHERE to_address = $1`,
        [to],
      )
    )[0];

  test('a queued message arrives with both bodies, the footer and its own Message-ID', async () => {
    const to = await queueConfirmation();
    const [mail] = await eventually(async () => (smtp.to(to).length ? smtp.to(to) : null), 'the message arriving');
    const stored = await eventually(async () => ((await row(to))?.status === 'sent' ? row(to) : null), 'sent');

    expect(mail!.subject).toBe('Confirm your email address: 482913');
    expect(mail!.messageId).toBe(stored.message_id);
    expect(stored.message_id).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    expect(mail!.parsed.from?.text).toContain('no-reply@localhost');
    expect(mail!.text).toContain('Hello Ada <Lovelace>,');
    expect(mail!.text).toContain('482913');
    expect(mail!.text).toContain(`This email was sent by Collaboratives Forum to ${to}.`);
    expect(mail!.html).toContain('Hello Ada &lt;Lovelace&gt;,');
    expect(mail!.html).toContain('<html lang="en-GB">');
    expect(stored).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1, last_error: null });
    // Account mail may hold one-time codes: once the server has it, only its headers are kept.
    expect(stored.data).toBeNull();
  });

  test('a server that refuses for a while gets the message once it accepts, once, with the same Message-ID', async () => {
    smtp.refuseWith(451);
    const refusedBefore = smtp.refused;
    const to = await queueConfirmation();
    await eventually(async () => smtp.refused >= refusedBefore + 2, 'two refused attempts');
    const waiting = await eventually(async () => ((await row(to))?.attempts >= 2 ? row(to) : null), 'two recorded');
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBeGreaterThanOrEqual(2);
    expect(waiting.last_error).toMatch(/451/);

    smtp.accept();
    await eventually(async () => (await row(to))?.status === 'sent', 'the retried message sent', 20_000);
    expect(smtp.to(to)).toHaveLength(1);
    expect(smtp.to(to)[0]!.messageId).toBe(waiting.message_id);
  }, 30_000);

  test('while the server is down the message waits, and goes when it is back', async () => {
    await smtp.stop();
    const to = await queueConfirmation(); // the write that queued it committed regardless
    await eventually(async () => (await row(to))?.attempts >= 1, 'a failed attempt');
    expect((await row(to)).status).toBe('pending');
    expect((await row(to)).last_error).toMatch(/ECONNREFUSED|connect/i);

    await smtp.start();
    await eventually(async () => (await row(to))?.status === 'sent', 'sent after the server came back', 20_000);
    expect(smtp.to(to)).toHaveLength(1);
  }, 30_000);

  test('the same idempotency key queued twice is sent once', async () => {
    const key = `test:${Date.now()}:email`;
    const to = await queueConfirmation(db, key);
    await queueConfirmation(db, key); // another address, same key: nothing queued
    await eventually(async () => (await row(to))?.status === 'sent', 'sent');
    expect(await db.query(`SELECT count(*)::int AS n FROM mail_messages WHERE idempotency_key = $1`, [key])).toEqual([
      { n: 1 },
    ]);
  });

  test('two instances on one database send each message once', async () => {
    const second = await startTestApp({ clock, env: env(), databaseUrl: forum.database.url });
    try {
      const secondDb = second.app.get(DataSource);
      const addresses = await Promise.all(
        Array.from({ length: 20 }, (_, index) => queueConfirmation(index % 2 ? db : secondDb)),
      );
      await eventually(async () => addresses.every((to) => smtp.to(to).length > 0), 'every message arriving', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a duplicate to show
      for (const to of addresses) expect(smtp.to(to)).toHaveLength(1);
    } finally {
      await second.close().catch(() => undefined); // its database is the first one's
    }
  }, 40_000);

  // Last: it moves the clock two days on for everything after it.
  test('after MAIL_GIVE_UP_HOURS the message is kept as failed and no longer tried', async () => {
    smtp.refuseWith(550);
    const to = await queueConfirmation();
    await eventually(async () => (await row(to))?.attempts >= 1, 'a refused attempt');
    clock.advance(49 * HOUR);
    await eventually(async () => (await row(to))?.status === 'failed', 'given up', 20_000);
    const failed = await row(to);
    expect(failed.last_error).toMatch(/550/);
    expect(failed.data).not.toBeNull(); // kept for an admin's retry
    smtp.accept();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.to(to)).toHaveLength(0);
  }, 30_000);
});

describe('DKIM', () => {
  test('with DKIM_PRIVATE_KEY and DKIM_SELECTOR every message is signed for the domain of MAIL_FROM', async () => {
    const smtp = await SmtpPeer.start();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forum = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Collaboratives Forum <no-reply@forum.example.nhs.uk>',
        DKIM_SELECTOR: 'forum2026',
        DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n'),
      },
    });
    try {
      await forum.app.get(DataSource).transaction((manager) =>
        queueMail(manager, {
          to: 'signed@trust.nhs.uk',
          template: 'address-confirmation',
          data: { name: 'Ada', code: '111111', link: 'http://localhost/confirm' },
          category: 'account',
        }),
      );
      const [mail] = await eventually(async () => (smtp.received.length ? smtp.received : null), 'the message');
      const signature = mail!.parsed.headerLines.find((line) => line.key === 'dkim-signature')?.line ?? '';
      expect(signature).toContain('d=forum.example.nhs.uk');
      expect(signature).toContain('s=forum2026');
    } finally {
      await forum.close();
      await smtp.stop();
    }
  });
});
