import { NotificationBanner } from 'nhsuk-react-components';

/** The NHS.UK success banner for something just done on this page. */
export function Success({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <NotificationBanner success key={message}>
      <NotificationBanner.Heading>{message}</NotificationBanner.Heading>
    </NotificationBanner>
  );
}
