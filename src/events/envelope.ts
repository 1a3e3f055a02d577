import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { withVersion } from './payload-version.js';

/** One shape for every event a client receives, live or replayed. */
export class EventEnvelope {
  @ApiProperty({
    description: 'Increasing event id, as a decimal string (it is a bigint). Keep the last one you saw.',
    example: '1042',
  })
  id: string;
  @ApiProperty({ example: 'reply.created', description: 'Also the socket.io event name.' }) type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborativeId: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) threadId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) practiceId?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    description:
      'The public DTO of what changed, the same shape REST returns for it, with `v`: the version of its shape (1 for every type today). Ignore versions you do not know.',
    type: Object,
  })
  data: unknown;
}

export interface EventRow {
  id: string;
  type: string;
  collaborative_id: string | null;
  thread_id: string | null;
  practice_id: string | null;
  user_id: string | null;
  payload: unknown;
  created_at: Date;
}

/** An event with where it goes: the rooms that receive it. */
export interface RoutedEvent {
  envelope: EventEnvelope;
  /** Set for events meant for one person. */
  userId: string | null;
  rooms: string[];
}

export const rooms = {
  user: (id: string) => `user:${id}`,
  collaborative: (id: string) => `collaborative:${id}`,
  thread: (id: string) => `thread:${id}`,
  practice: (id: string) => `practice:${id}`,
};

export function toEnvelope(row: EventRow): EventEnvelope {
  return {
    id: String(row.id),
    type: row.type,
    collaborativeId: row.collaborative_id,
    ...(row.thread_id ? { threadId: row.thread_id } : {}),
    ...(row.practice_id ? { practiceId: row.practice_id } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    data: withVersion(row.payload),
  };
}

export function route(row: EventRow): RoutedEvent {
  const envelope = toEnvelope(row);
  if (row.user_id) return { envelope, userId: row.user_id, rooms: [rooms.user(row.user_id)] };
  const targets = [
    row.collaborative_id && rooms.collaborative(row.collaborative_id),
    row.thread_id && rooms.thread(row.thread_id),
    row.practice_id && rooms.practice(row.practice_id),
  ].filter((room): room is string => Boolean(room));
  return { envelope, userId: null, rooms: targets };
}

const EVENT_KEYS = 'id, type, collaborative_id, thread_id, practice_id, user_id, created_at';
export const EVENT_COLUMNS = `${EVENT_KEYS}, payload`;
/** The same, with the payload as JSON text, for a reader that parses only what it hands on. */
export const EVENT_COLUMNS_TEXT_PAYLOAD = `${EVENT_KEYS}, payload::text AS payload`;
