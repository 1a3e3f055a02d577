import { Button, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import type { Notification } from '../api/types';
import { formatDateTime } from '../layout/format';
import { notificationLink } from './notification-link';

interface Props {
  notification: Notification;
  onMarkRead(id: string): void;
}

/** One notification: what happened, when, a link to it (following it marks it read) and, while unread, a button to mark it read. */
export function NotificationItem({ notification, onMarkRead }: Props) {
  const to = notificationLink(notification);
  return (
    <li className="app-notification" data-read={notification.read}>
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
        {to ? (
          <Link to={to} onClick={() => !notification.read && onMarkRead(notification.id)}>
            {notification.title}
          </Link>
        ) : (
          notification.title
        )}
        {!notification.read && (
          <>
            {' '}
            <Tag modifier="blue">New</Tag>
          </>
        )}
      </h2>
      {notification.excerpt && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{notification.excerpt}</p>}
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
        {notification.actorName ? `${notification.actorName}, ` : ''}
        {formatDateTime(notification.createdAt)}
      </p>
      {!notification.read && (
        <Button secondary small type="button" onClick={() => onMarkRead(notification.id)}>
          Mark as read<span className="nhsuk-u-visually-hidden">: {notification.title}</span>
        </Button>
      )}
    </li>
  );
}
