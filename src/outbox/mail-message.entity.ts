import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { MAIL_CATEGORIES, MAIL_STATUSES, type MailCategory, type MailStatus } from './mail-templates.js';

/**
 * One email, queued in the transaction of what caused it and kept after sending. No foreign
 * key to users: the outbox sits below them, and the record of what was sent outlives the account.
 */
@Entity('mail_messages')
// Lists, newest first: the admin view of one status, the development mailbox whole or by address.
@Index('mail_messages_status_idx', ['status', 'createdAt', 'id'])
@Index('mail_messages_created_idx', ['createdAt', 'id'])
@Index('mail_messages_to_idx', ['toAddress', 'createdAt', 'id'])
export class MailMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mail_messages_pkey' })
  id: string;

  /** The RFC 5322 Message-ID, made once at queue time and sent on every attempt. */
  @Index('mail_messages_message_id_key', { unique: true })
  @Column({ type: 'text' })
  messageId: string;

  /** A caller's key (e.g. `notification:<id>:email`): queuing it again changes nothing. */
  @Index('mail_messages_idempotency_key', { unique: true })
  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  recipientId: string | null;

  @Column({ type: 'text' })
  toAddress: string;

  @Column({ type: 'enum', enum: MAIL_CATEGORIES, enumName: 'mail_category' })
  category: MailCategory;

  @Column({ type: 'text' })
  template: string;

  /** The template's variables; null once account mail has gone out over SMTP (it may hold codes). */
  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ type: 'enum', enum: MAIL_STATUSES, enumName: 'mail_status', default: 'pending' })
  status: MailStatus;

  /** smtp or mailbox: which transport sent it. */
  @Column({ type: 'text', nullable: true })
  transport: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When an admin last queued it again after it failed: MAIL_GIVE_UP_HOURS count from here then. */
  @Column({ type: 'timestamptz', nullable: true })
  retriedAt: Date | null;
}
