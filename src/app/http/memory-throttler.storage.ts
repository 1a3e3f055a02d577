import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

import { Clock } from '../../common/clock.js';

type Window = { hits: number; endsAt: number; blockedUntil: number };

/**
 * Request counts in this instance's memory, in fixed windows as `RedisThrottlerStorage`
 * counts them in Redis: one small record a key and constant work a request. (The
 * library's own storage keeps a timestamp for every hit of the last window and copies
 * that list on every request.)
 */
export class MemoryThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private readonly sweep = setInterval(() => this.forgetEnded(this.clock.nowMs()), 60_000).unref();

  constructor(private readonly clock: Clock = new Clock()) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const now = this.clock.nowMs();
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (!window) this.windows.set(id, (window = { hits: 0, endsAt: now + ttl, blockedUntil: 0 }));
    else if (window.endsAt <= now) Object.assign(window, { hits: 0, endsAt: now + ttl });
    window.hits++;
    if (window.blockedUntil <= now && window.hits > limit) window.blockedUntil = now + (blockDuration || ttl);
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.endsAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  /** How many keys are held. */
  get size(): number {
    return this.windows.size;
  }

  /** Drops keys whose window and block have both ended, so memory follows recent callers only. */
  private forgetEnded(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }
}
