import { Header } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { useUnreadCount } from './unread-count';

function BellIcon() {
  return (
    <svg className="app-bell" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/** The header's link to notifications, with the live number of unread ones. */
export function NotificationsBell() {
  const unread = useUnreadCount();
  return (
    <Header.AccountItem asElement={Link} to="/notifications" href="/notifications">
      <BellIcon />
      Notifications
      {unread > 0 && (
        <span className="app-count" data-testid="unread-count">
          {unread}
          <span className="nhsuk-u-visually-hidden"> unread</span>
        </span>
      )}
    </Header.AccountItem>
  );
}
