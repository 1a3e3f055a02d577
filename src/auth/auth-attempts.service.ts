import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { Clock } from '../common/clock.js';
import { TooManyRequestsProblem } from '../common/too-many-requests.js';
import { AuthAttempt } from './auth-attempt.entity.js';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
  /** Finishes "Too many ... Try again in N minutes." */
  what: string;
}

/** A slot was taken, or the limit is full and the window has this many seconds left. */
type Taking = { taken: true } | { taken: false; retryAfter: number };

/**
 * Fixed-window counters in PostgreSQL for the limits attackers probe (sign-ins,
 * registrations, password changes), so they hold across restarts and every instance.
 *
 * An attempt takes its slot before the work it limits (the password check) in one
 * statement, so a burst of concurrent attempts can never do more of that work than the
 * limit allows; an attempt that turns out well gives its slot back, so the counts keep
 * meaning failures.
 */
@Injectable()
export class AuthAttemptsService {
  constructor(
    @InjectRepository(AuthAttempt) private readonly attempts: Repository<AuthAttempt>,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes one slot of each limit, in order, or none: on the first full one the slots
   * already taken are given back and a 429 with Retry-After names that limit.
   */
  async take(...limits: Limit[]): Promise<void> {
    const taken: Limit[] = [];
    for (const limit of limits) {
      const outcome = await this.tryTake(limit);
      if (!outcome.taken) {
        await this.giveBack(...taken);
        throw tooMany(limit, outcome.retryAfter);
      }
      taken.push(limit);
    }
  }

  /** One slot of one limit, if the window has room (the check and the count are one statement). */
  async tryTake(limit: Limit): Promise<Taking> {
    const rows: unknown[] = await this.attempts.query(
      `INSERT INTO auth_attempts (key, hits, expires_at) VALUES ($1, 1, $4::timestamptz + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN auth_attempts.expires_at <= $4 THEN 1 ELSE auth_attempts.hits + 1 END,
         expires_at = CASE WHEN auth_attempts.expires_at <= $4 THEN EXCLUDED.expires_at ELSE auth_attempts.expires_at END
       WHERE auth_attempts.expires_at <= $4 OR auth_attempts.hits < $3
       RETURNING hits`,
      [limit.key, limit.windowMs, limit.max, this.clock.now()],
    );
    if (rows.length > 0) return { taken: true };
    const left: Array<{ retry_after: number | null }> = await this.attempts.query(
      `SELECT ceil(extract(epoch FROM expires_at - $2::timestamptz))::int AS retry_after FROM auth_attempts WHERE key = $1`,
      [limit.key, this.clock.now()],
    );
    return { taken: false, retryAfter: Math.max(1, left[0]?.retry_after ?? 1) };
  }

  /** Returns slots taken by attempts that succeeded, so they do not count as failures. */
  async giveBack(...limits: Limit[]): Promise<void> {
    if (limits.length === 0) return;
    await this.attempts.query(
      `UPDATE auth_attempts SET hits = hits - 1 WHERE key = ANY($1::text[]) AND hits > 0 AND expires_at > $2`,
      [limits.map((limit) => limit.key), this.clock.now()],
    );
  }

  /** Marks `key` (an address that signed in, say) for `windowMs`; `holds` answers until then. */
  async remember(key: string, windowMs: number): Promise<void> {
    await this.attempts.query(
      `INSERT INTO auth_attempts (key, hits, expires_at) VALUES ($1, 1, $3::timestamptz + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET hits = 1, expires_at = EXCLUDED.expires_at`,
      [key, windowMs, this.clock.now()],
    );
  }

  async holds(key: string): Promise<boolean> {
    const rows: unknown[] = await this.attempts.query(
      `SELECT 1 FROM auth_attempts WHERE key = $1 AND expires_at > $2`,
      [key, this.clock.now()],
    );
    return rows.length > 0;
  }

  async reset(key: string): Promise<void> {
    await this.attempts.delete({ key });
  }

  @Interval(10 * 60 * 1000)
  async pruneExpired(): Promise<void> {
    await this.attempts.query(`DELETE FROM auth_attempts WHERE expires_at < $1`, [this.clock.now()]);
  }
}

export function tooMany(limit: Limit, retryAfter: number): TooManyRequestsProblem {
  const wait =
    retryAfter < 60
      ? `${retryAfter} second${retryAfter === 1 ? '' : 's'}`
      : retryAfter < 120
        ? 'a minute'
        : `${Math.ceil(retryAfter / 60)} minutes`;
  return new TooManyRequestsProblem(`Too many ${limit.what}. Try again in ${wait}.`, retryAfter);
}
