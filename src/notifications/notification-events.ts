import type { NotificationDto } from './dto/notification.dto.js';

/** The events this feature appends, added to the one typed map (see events/domain-events.ts). */
declare module '../events/domain-events.js' {
  interface DomainEventMap {
    'notification.created': NotificationDto;
  }
}
