import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A named position in the event stream: the pruning horizon, or a durable consumer's progress. */
@Entity('event_cursors')
export class EventCursor {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'event_cursors_pkey' })
  name: string;

  @Column({ type: 'bigint', default: 0 })
  eventId: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
