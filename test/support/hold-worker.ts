import { DataSource } from 'typeorm';
import { NOTIFICATIONS_WORKER_LOCK } from '../../src/notifications/notification-writes.js';
import type { TestApp } from './test-app.js';

/**
 * Holds the notifications worker back (it skips a round while it cannot take its lock), so
 * a test can make several writes before any of their notifications are worked out, as a
 * busy worker would. Returns the release.
 */
export async function holdNotificationsWorker(forum: TestApp): Promise<() => Promise<void>> {
  const runner = forum.app.get(DataSource).createQueryRunner();
  await runner.connect();
  await runner.query('SELECT pg_advisory_lock($1)', [NOTIFICATIONS_WORKER_LOCK]);
  return async () => {
    await runner.query('SELECT pg_advisory_unlock($1)', [NOTIFICATIONS_WORKER_LOCK]);
    await runner.release();
  };
}
