import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { User } from '../users/user.entity.js';

export const CODE_PURPOSES = ['confirm-address', 'reset-password', 'change-email'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

/**
 * One emailed proof that a person reads an address: a short code to type and a long token
 * for a link, both kept only as keyed hashes. Used once; dead after too many wrong tries.
 */
@Entity('one_time_codes')
// Partial, made by the migration: the newest live code sent to an address.
@Index('one_time_codes_address_idx', { synchronize: false })
export class OneTimeCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'one_time_codes_pkey' })
  id: string;

  @Column({ type: 'enum', enum: CODE_PURPOSES, enumName: 'one_time_code_purpose' })
  purpose: CodePurpose;

  @Index('one_time_codes_user_id_idx', { synchronize: false })
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'one_time_codes_user_id_fkey' })
  user?: User;

  /** Where it was sent: the account's address, or the new one for a change of address. */
  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text' })
  codeHash: string;

  @Index('one_time_codes_token_hash_key', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** Codes typed against it, right or wrong. */
  @Column({ type: 'integer', default: 0 })
  tries: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Replaced by a newer code, or killed by a password change. */
  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
