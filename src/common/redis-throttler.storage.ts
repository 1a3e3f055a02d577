import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';

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

/** Throttler counters in Redis, so several API instances share one limit instead of each allowing it. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined); // surfaced by the failing command instead
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `forum:throttle:${throttlerName}:${key}`;
    const [hits, timeToExpire, timeToBlock] = (await this.redis.eval(INCREMENT, 2, base, `${base}:blocked`, ttl, limit, blockDuration || ttl)) as [
      number,
      number,
      number,
    ];
    const isBlocked = timeToBlock > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(timeToExpire, 0) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(timeToBlock / 1000) : 0,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
