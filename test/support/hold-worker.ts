import { DataSource } from 'typeorm';

import { NOTIFICATIONS_WORKER_LOCK } from '../../src/notifications/notification-writes.js';
import type { TestApp } from './test-app.js';

/**
 * Runs `writes` while the notifications worker is held back (it skips a round while it
 * cannot take its lock), so several writes happen before any of their notifications are
 * worked out, as with a busy worker; the worker is let go afterwards, whatever happened.
 */
export async function whileNotificationsWorkerHeld(forum: TestApp, writes: () => Promise<void>): Promise<void> {
  const runner = forum.app.get(DataSource).createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [NOTIFICATIONS_WORKER_LOCK]);
    await writes();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [NOTIFICATIONS_WORKER_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
