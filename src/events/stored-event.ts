import type { DomainEventType, StoredPayload } from './domain-events.js';
import type { EventRow } from './envelope.js';
import { withVersion } from './payload-version.js';

type RowOf<T, P> = Omit<EventRow, 'type' | 'payload'> & { type: T; payload: P };

/**
 * An event as read back from the events table, its payload typed by its type: one type,
 * or (the default) a union in which checking `type` narrows `payload`.
 */
export type StoredEvent<T extends DomainEventType = DomainEventType> = { [K in T]: RowOf<K, StoredPayload<K>> }[T];

/**
 * Types a row read from the events table. Only appends write it, with payloads typed by
 * the map, and redaction, with `Deleted` or the same DTO; rows stored before payloads had
 * versions get theirs (1).
 */
export function storedEvent(row: EventRow): StoredEvent {
  return { ...row, payload: withVersion(row.payload) } as StoredEvent;
}
