import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';
import { PgBoss } from 'pg-boss';

import { ForumUnderTest } from './reliability/forum-under-test.js';
import { eventually } from './support/eventually.js';
import { SmtpPeer } from './support/smtp-peer.js';

/**
 * Mail queued while the SMTP server refuses it, then the forum SIGKILLed with every message
 * pending (some mid-attempt, their pg-boss jobs active). After a restart on the same data, with the server accepting:
 * every message queued arrives, none is lost, and any resend carries the same Message-ID.
 */
const MESSAGES = 24;

/**
 * Queues one message as `queueMail` does, from outside the server: the outbox row and its
 * pg-boss job (id = the row's id) in one transaction. (No committed route queues mail for any
 * address the test chooses, and the server's own code path is what the e2e suites test.)
 */
async function queueFromOutside(db: pg.Client, boss: PgBoss, index: number): Promise<void> {
  const id = randomUUID();
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO mail_messages (id, message_id, to_address, category, template, data)
     VALUES ($1, $2, $3, 'account', 'address-confirmation', $4)`,
    [id, `<${id}@localhost>`, `person${index}@trust.nhs.uk`, { name: 'Ada', code: '123456', link: 'http://x/' }],
  );
  await boss.send('mail-send', { id }, { id, db: { executeSql: (text, values) => db.query(text, values) } });
  await db.query('COMMIT');
}

const smtp = new SmtpPeer();
let forum: ForumUnderTest;

beforeAll(async () => {
  await smtp.start();
  forum = new ForumUnderTest({
    SEED_DEMO: 'true',
    SMTP_URL: smtp.url,
    MAIL_RETRY_SECONDS: '1',
    MAIL_POLL_SECONDS: '1',
  });
  ForumUnderTest.build();
  await forum.start();
}, 120_000);
afterAll(async () => {
  await forum?.dispose();
  await smtp.stop();
});

test('mail pending at a SIGKILL is all delivered after the restart, each message under its own Message-ID', async () => {
  smtp.refuseWith(451);
  const db = new pg.Client({ connectionString: forum.embeddedDatabaseUrl() });
  await db.connect();
  const boss = new PgBoss({
    connectionString: forum.embeddedDatabaseUrl(),
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    migrate: false,
    max: 1,
  });
  await boss.start();
  try {
    for (let index = 0; index < MESSAGES; index++) await queueFromOutside(db, boss, index);
    await eventually(async () => smtp.refused >= MESSAGES, 'every message refused at least once', 60_000);
    await boss.stop({ graceful: false });
    await db.end();

    await forum.killServer();
    smtp.accept();
    await forum.start();
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await db.end().catch(() => undefined);
    throw error;
  }

  const after = new pg.Client({ connectionString: forum.embeddedDatabaseUrl() });
  await after.connect();
  try {
    const queued = async () =>
      (await after.query<{ message_id: string; status: string }>(`SELECT message_id, status FROM mail_messages`)).rows;
    expect(await queued()).toHaveLength(MESSAGES);
    await eventually(
      async () => (await queued()).every((row) => row.status === 'sent'),
      'every message sent after the restart',
      200_000, // an attempt cut off by the kill is retried once its two-minute limit passes
    );
    const sent = new Set((await queued()).map((row) => row.message_id));
    const arrived = new Set(smtp.received.map((mail) => mail.messageId));
    expect([...sent].filter((id) => !arrived.has(id))).toEqual([]); // none lost
    expect(smtp.received.every((mail) => sent.has(mail.messageId!))).toBe(true); // resends keep their Message-ID
    console.log(
      `mail across a SIGKILL: ${sent.size} queued, ${arrived.size} delivered, ${smtp.received.length - arrived.size} resent with the same Message-ID`,
    );
  } finally {
    await after.end();
  }
}, 400_000);
