import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fixed-window counter for login and registration limits, shared by every instance. */
@Entity('auth_attempts')
export class AuthAttempt {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'auth_attempts_pkey' })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
