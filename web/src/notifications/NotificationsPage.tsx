import { Button } from 'nhsuk-react-components';

import { api } from '../api/client';
import type { Notification } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { usePageTitle } from '../layout/use-page-title';
import { useLiveEvents } from '../live/use-live';
import { NotificationItem } from './NotificationItem';
import { unreadCount } from './unread-count';

export function NotificationsPage() {
  usePageTitle('Notifications');
  const list = useCursorList<Notification>(
    (cursor) => api.GET('/api/notifications', { params: { query: { cursor } } }),
    'notifications',
  );
  useLiveEvents(['notification.created'], (event) => {
    if (event.type === 'resync') return list.reload();
    const arrived: Notification = event.data;
    list.update((items) => (items.some((item) => item.id === arrived.id) ? items : [arrived, ...items]));
  });

  async function markRead(body: { ids: string[] } | { all: true }) {
    const { error } = await api.POST('/api/notifications/read', { body });
    if (error) return;
    list.update((items) =>
      items.map((item) => ('all' in body || body.ids.includes(item.id) ? { ...item, read: true } : item)),
    );
    await unreadCount.refresh();
  }

  const anyUnread = list.items.some((item) => !item.read);
  return (
    <>
      <h1>Notifications</h1>
      {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
      {list.status === 'loading' && <p role="status">Loading notifications…</p>}
      {list.status === 'loaded' && list.items.length === 0 && (
        <p>Nothing yet. Replies to your questions, answers and news from what you follow will show here.</p>
      )}
      {anyUnread && (
        <Button secondary type="button" onClick={() => void markRead({ all: true })}>
          Mark all as read
        </Button>
      )}
      <ul className="nhsuk-list app-notifications" aria-label="Your notifications">
        {list.items.map((notification) => (
          <NotificationItem
            key={notification.id}
            notification={notification}
            onMarkRead={(id) => void markRead({ ids: [id] })}
          />
        ))}
      </ul>
      <ShowMore list={list} what="notifications" />
    </>
  );
}
