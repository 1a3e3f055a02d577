import { useEffect, useSyncExternalStore } from 'react';

import { api, session } from '../api/client';
import { live } from '../live/live';

/**
 * The unread count the bell shows, asked of the API when the tab signs in, when a
 * notification arrives live, when the socket comes back and after marking some read:
 * the server's number is the truth, so two tabs never drift apart.
 */
class UnreadCount {
  private count = 0;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly value = () => this.count;

  async refresh(): Promise<void> {
    if (session.state().status !== 'signed-in') return this.set(0);
    const { data } = await api.GET('/api/notifications/unread-count');
    if (data) this.set(data.unread);
  }

  private set(count: number): void {
    if (count === this.count) return;
    this.count = count;
    for (const listener of this.listeners) listener();
  }
}

export const unreadCount = new UnreadCount();

live.listen((event) => {
  if (event.type === 'notification.created' || event.type === 'resync')
    void unreadCount.refresh().catch(() => undefined);
});
live.onStatus(() => {
  if (live.status() === 'live') void unreadCount.refresh().catch(() => undefined);
});

export function useUnreadCount(): number {
  useEffect(() => {
    void unreadCount.refresh().catch(() => undefined);
  }, []);
  return useSyncExternalStore(unreadCount.subscribe, unreadCount.value);
}

// Marking read in another tab sends no event: coming back to this tab asks again.
window.addEventListener('focus', () => void unreadCount.refresh().catch(() => undefined));
