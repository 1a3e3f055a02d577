import type { Notification } from '../api/types';

/** Where a notification leads: its thread, its case study or its collaborative. */
export function notificationLink(notification: Notification): string | null {
  if (notification.threadId) return `/threads/${notification.threadId}`;
  if (notification.practiceId) return `/practices/${notification.practiceId}`;
  if (notification.collaborativeId) return `/collaboratives/${notification.collaborativeId}`;
  return null;
}
