import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TooManyRequestsProblem } from '../common/too-many-requests.js';
import { AuthAttempt } from './auth-attempt.entity.js';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
  /** Finishes "Too many ... Try again in N minutes." */
  what: string;
}

/**
 * Fixed-window counters in PostgreSQL for the limits attackers probe (logins and
 * registrations), so they hold across restarts and across every API instance.
 */
@Injectable()
export class AuthAttemptsService {
  constructor(@InjectRepository(AuthAttempt) private readonly attempts: Repository<AuthAttempt>) {}

  /** Throws 429 with Retry-After when the limit is already reached. */
  async check(limit: Limit): Promise<void> {
    const rows: Array<{ hits: number; retry_after: number }> = await this.attempts.query(
      `SELECT hits, ceil(extract(epoch FROM expires_at - now()))::int AS retry_after
         FROM auth_attempts WHERE key = $1 AND expires_at > now()`,
      [limit.key],
    );
    const row = rows[0];
    if (row && row.hits >= limit.max) {
      const retryAfter = Math.max(1, row.retry_after);
      const minutes = Math.ceil(retryAfter / 60);
      throw new TooManyRequestsProblem(
        `Too many ${limit.what}. Try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`,
        retryAfter,
      );
    }
  }

  /** Counts one attempt; a window that has run out starts again from one. */
  async hit(limit: Limit): Promise<void> {
    await this.attempts.query(
      `INSERT INTO auth_attempts (key, hits, expires_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN auth_attempts.expires_at <= now() THEN 1 ELSE auth_attempts.hits + 1 END,
         expires_at = CASE WHEN auth_attempts.expires_at <= now() THEN EXCLUDED.expires_at ELSE auth_attempts.expires_at END`,
      [limit.key, limit.windowMs],
    );
  }

  async reset(key: string): Promise<void> {
    await this.attempts.delete({ key });
  }

  @Interval(10 * 60 * 1000)
  async pruneExpired(): Promise<void> {
    await this.attempts.query(`DELETE FROM auth_attempts WHERE expires_at < now()`);
  }
}
