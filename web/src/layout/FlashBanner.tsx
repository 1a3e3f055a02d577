import { NotificationBanner } from 'nhsuk-react-components';
import { useLocation } from 'react-router';

/** Where a page sends someone after a change, it passes what happened as navigation state. */
export interface Flash {
  flash: string;
}

/** The NHS.UK success banner for what the previous page did; it takes focus so it is read out. */
export function FlashBanner() {
  const message = (useLocation().state as Flash | null)?.flash;
  if (!message) return null;
  return (
    <NotificationBanner success>
      <NotificationBanner.Heading>{message}</NotificationBanner.Heading>
    </NotificationBanner>
  );
}
