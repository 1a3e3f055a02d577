import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';

import type { Clock } from '../../common/clock.js';
import { MemoryThrottlerStorage } from './memory-throttler.storage.js';

// One round trip: count the hit in a fixed window, and block the key once over the limit.
// Returns hits, ms until the window ends, and ms until the block ends (0 when not blocked).
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

/**
 * Throttler counters in Redis, so several API instances share one limit instead of each
 * allowing it. While Redis is unreachable each instance counts in its own memory: the
 * limit still holds per instance, and requests are not refused because a cache is down.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly log = new Logger('RedisThrottlerStorage');
  private readonly redis: Redis;
  private readonly local: MemoryThrottlerStorage;
  private degraded = false;

  /**
   * `scope` keeps forums that share a Redis but not a database (test suites, say) from sharing
   * counts. Redis ends its windows by its own time; `clock` ends those of the local count.
   */
  constructor(
    url: string,
    private readonly scope: string,
    clock: Clock,
  ) {
    this.local = new MemoryThrottlerStorage(clock);
    // No offline queue: while disconnected a command fails at once and the local count takes over.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // surfaced by the failing command instead
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `forum:throttle:${this.scope}:${throttlerName}:${key}`;
    let result: [number, number, number];
    try {
      result = (await this.redis.eval(INCREMENT, 2, base, `${base}:blocked`, ttl, limit, blockDuration || ttl)) as [
        number,
        number,
        number,
      ];
    } catch (error) {
      if (!this.degraded)
        this.log.warn(
          `Redis unreachable (${(error as Error).message}); counting request limits on this instance until it is back`,
        );
      this.degraded = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    if (this.degraded) this.log.log('Redis reachable again; request limits are shared across instances');
    this.degraded = false;
    const [hits, timeToExpire, timeToBlock] = result;
    const isBlocked = timeToBlock > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(timeToExpire, 0) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(timeToBlock / 1000) : 0,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.redis.quit().catch(() => undefined);
  }
}
