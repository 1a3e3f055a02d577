import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { AdjustableClock } from '../src/common/clock.js';
import { createCollaborative, type TestCollaborative } from './factories/collaborative.factory.js';
import { askThread, replyTo } from './factories/thread.factory.js';
import { registrationFor, signIn, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { type ReceivedMail, SmtpPeer } from './support/smtp-peer.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// One minute, so the access tokens (15 minutes, on the same clock) outlive every test's wait.
const GRACE_MS = 60_000;

describe('notification emails', () => {
  const clock = new AdjustableClock();
  let smtp: SmtpPeer;
  let forum: TestApp;
  let db: DataSource;
  let admin: TestUser;
  let author: TestUser;
  let reader: TestUser & { user: { handle: string } };
  let open: TestCollaborative;
  let secret: TestCollaborative;

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    forum = await startTestApp({
      clock,
      env: { SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '1', MAIL_RETRY_SECONDS: '1', MAIL_GRACE_MINUTES: '1' },
    });
    db = forum.app.get(DataSource);
    admin = await personOverSmtp();
    await db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
    admin = { ...admin, ...(await signIn(forum.http, admin.email)) };
    author = await personOverSmtp();
    reader = await personOverSmtp();
    open = await createCollaborative(forum, admin);
    secret = await createCollaborative(forum, admin, { visibility: 'members' });
    for (const person of [author, reader]) {
      const added = await forum.http.post(
        `/api/collaboratives/${secret.id}/members`,
        { userId: person.id, role: 'member' },
        { token: admin.accessToken },
      );
      expect(added.status).toBe(201);
    }
  });
  afterAll(async () => {
    await forum?.close();
    await smtp?.stop();
  });

  /** Registers and confirms with the code the SMTP server received, as the person would. */
  async function personOverSmtp(): Promise<TestUser & { user: { handle: string } }> {
    const registration = registrationFor();
    expect((await forum.http.post('/api/auth/register', registration)).status).toBe(202);
    const mail = await eventually(async () => smtp.to(registration.email)[0], 'the confirmation email');
    const code = /Confirm your email address: (\S+)/.exec(mail.subject)![1];
    const confirmed = await forum.http.post('/api/auth/confirm-address', { email: registration.email, code });
    expect(confirmed.status).toBe(200);
    return { ...registration, role: 'member', refreshCookie: '', ...confirmed.body, id: confirmed.body.user.id };
  }

  /** The author asks in `where`, @mentioning the reader; answers the thread once the reader's notification exists. */
  async function mentionReader(where: TestCollaborative, title: string) {
    const thread = await askThread(forum, author, where.id, {
      title,
      body: `@${reader.user.handle} could you share your winter plan? We have spare CT slots at weekends.`,
    });
    const notification = await notificationOf('mention', thread.id);
    return { thread, notification: notification as { id: string } };
  }

  async function notificationOf(type: string, threadId: string): Promise<{ id: string }> {
    return eventually(async () => {
      const list = await forum.http.get('/api/notifications', { token: reader.accessToken });
      return list.body.items.find(
        (item: { type: string; threadId: string }) => item.type === type && item.threadId === threadId,
      );
    }, `the ${type} notification`);
  }

  const emailRow = async (notificationId: string) =>
    (await db.query(`SELECT status, reason FROM notification_emails WHERE notification_id = $1`, [notificationId]))[0];

  const mailAbout = (threadId: string): ReceivedMail | undefined =>
    smtp.to(reader.email).find((mail) => mail.text.includes(`/threads/${threadId}`));

  /** Moves past the grace window, then waits until the email was queued or skipped. */
  async function afterGrace(notificationId: string) {
    clock.advance(GRACE_MS + 1000);
    return eventually(async () => {
      const row = await emailRow(notificationId);
      return row && row.status !== 'waiting' ? row : null;
    }, 'the grace window ending');
  }

  test('an @mention arrives after the grace window with its title, excerpt, link and one-click unsubscribe', async () => {
    const { thread, notification } = await mentionReader(open, 'Winter pressures across the network');
    expect(await emailRow(notification.id)).toEqual({ status: 'waiting', reason: null });

    expect(await afterGrace(notification.id)).toEqual({ status: 'queued', reason: null });
    const mail = await eventually(async () => mailAbout(thread.id), 'the email arriving');
    expect(mail.subject).toContain('Winter pressures across the network');
    expect(mail.subject).toContain('mentioned you');
    expect(mail.text).toContain('could you share your winter plan?');
    expect(mail.text).toContain(`${forum.config.publicUrl}/threads/${thread.id}`);
    expect(mail.html).toContain('could you share your winter plan?');
    const headers = new Map(mail.parsed.headerLines.map((header) => [header.key, header.line]));
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const oneClick = /<([^>]+)>/.exec(headers.get('list-unsubscribe') ?? '')?.[1];
    expect(oneClick).toMatch(/\/api\/email-preferences\/unsubscribe\/[^/]+$/);
    expect(mail.text).toContain(`${forum.config.publicUrl}/unsubscribe?token=`);
  });

  test('read in the forum during the grace window: nothing is sent', async () => {
    const { thread, notification } = await mentionReader(open, 'Read before the email');
    const read = await forum.http.post(
      '/api/notifications/read',
      { ids: [notification.id] },
      { token: reader.accessToken },
    );
    expect(read.status).toBe(200);

    expect(await afterGrace(notification.id)).toEqual({
      status: 'skipped',
      reason: 'Read in the forum during the grace window',
    });
    expect(mailAbout(thread.id)).toBeUndefined();
  });

  test('a reply hidden by moderators meanwhile: nothing is sent', async () => {
    const thread = await askThread(forum, author, open.id, { title: 'Hidden before the email' });
    const reply = await replyTo(forum, author, thread.id, { body: `@${reader.user.handle} see our winter plan.` });
    const notification = await notificationOf('mention', thread.id);
    const hidden = await forum.http.post(
      `/api/replies/${reply.id}/hide`,
      { reason: 'Names a patient in the reply.' },
      { token: admin.accessToken },
    );
    expect(hidden.status).toBe(200);

    expect(await afterGrace(notification.id)).toEqual({
      status: 'skipped',
      reason: 'The post was hidden by moderators',
    });
    expect(mailAbout(thread.id)).toBeUndefined();
  });

  test('deleted by its author meanwhile: nothing is sent', async () => {
    const { thread, notification } = await mentionReader(open, 'Deleted before the email');
    const deleted = await forum.http.delete(`/api/threads/${thread.id}`, { token: author.accessToken });
    expect(deleted.status).toBe(204);

    expect((await afterGrace(notification.id)).status).toBe('skipped');
    expect(mailAbout(thread.id)).toBeUndefined();
  });

  test('a members-only thread is emailed without its title or words', async () => {
    const { thread, notification } = await mentionReader(secret, 'Confidential merger planning');
    await afterGrace(notification.id);
    const mail = await eventually(async () => mailAbout(thread.id), 'the email arriving');
    expect(mail.subject).toBe(`Something new in ${secret.name}`);
    for (const body of [mail.text, mail.html, mail.subject]) {
      expect(body).not.toContain('Confidential merger planning');
      expect(body).not.toContain('winter plan');
    }
  });

  test('mentions set to never: nothing is sent', async () => {
    const set = await forum.http.put(
      '/api/me/email-preferences',
      {
        replies: 'immediate',
        mentions: 'never',
        'accepted-answers': 'immediate',
        'followed-collaboratives': 'digest',
        'join-requests': 'immediate',
      },
      { token: reader.accessToken },
    );
    expect(set.status).toBe(200);
    expect(set.body.mentions).toBe('never');
    const { thread, notification } = await mentionReader(open, 'Not wanted by email');
    expect(await emailRow(notification.id)).toBeUndefined();
    clock.advance(GRACE_MS + 1000);
    const marker = await mentionReaderAfterReset();
    expect(mailAbout(thread.id)).toBeUndefined();
    expect(marker).toBeDefined();
  });

  /** Turns mentions back on and waits for one more email, so anything queued before would have arrived first. */
  async function mentionReaderAfterReset() {
    await forum.http.put(
      '/api/me/email-preferences',
      {
        replies: 'immediate',
        mentions: 'immediate',
        'accepted-answers': 'immediate',
        'followed-collaboratives': 'digest',
        'join-requests': 'immediate',
      },
      { token: reader.accessToken },
    );
    const { thread, notification } = await mentionReader(open, 'Wanted again');
    await afterGrace(notification.id);
    return eventually(async () => mailAbout(thread.id), 'the later email arriving');
  }

  test('the one-click POST a mail client sends turns that kind of email off, without signing in', async () => {
    const { notification, thread } = await mentionReader(open, 'Unsubscribe from here');
    await afterGrace(notification.id);
    const mail = await eventually(async () => mailAbout(thread.id), 'the email arriving');
    const line = mail.parsed.headerLines.find((header) => header.key === 'list-unsubscribe')!.line;
    const oneClick = /<([^>]+)>/.exec(line)![1]!;
    const path = new URL(oneClick).pathname;

    const shown = await forum.http.get(path);
    expect(shown.body).toMatchObject({ kind: 'mentions', frequency: 'immediate' });
    const response = await fetch(`${forum.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    const preferences = await forum.http.get('/api/me/email-preferences', { token: reader.accessToken });
    expect(preferences.body.mentions).toBe('never');
    expect(preferences.body.replies).toBe('immediate');
  });

  test('a tampered unsubscribe token is refused with what to do instead', async () => {
    const token = `${reader.id}.replies.${'A'.repeat(22)}`;
    const response = await forum.http.post(`/api/email-preferences/unsubscribe/${token}`, {});
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.detail).toContain('not valid');
    const preferences = await forum.http.get('/api/me/email-preferences', { token: reader.accessToken });
    expect(preferences.body.replies).toBe('immediate');
  });
});
