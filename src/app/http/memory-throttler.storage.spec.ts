import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';

import { MemoryThrottlerStorage } from './memory-throttler.storage.js';

const MINUTE = 60_000;

describe('MemoryThrottlerStorage', () => {
  let storage: MemoryThrottlerStorage;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-24T09:00:00Z') });
    storage = new MemoryThrottlerStorage();
  });
  afterEach(() => {
    storage.onApplicationShutdown();
    jest.useRealTimers();
  });
  const hit = (key = 'user:a', limit = 3, block = 0) => storage.increment(key, MINUTE, limit, block, 'default');

  test('counts hits in a window and blocks the one over the limit, saying when each ends', async () => {
    for (let n = 1; n <= 3; n++)
      expect(await hit()).toEqual({ totalHits: n, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    jest.advanceTimersByTime(15_000);
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 45, isBlocked: true, timeToBlockExpire: 60 });
    expect((await hit('user:b')).isBlocked).toBe(false); // keys count apart
  });

  test('a new window starts from nothing once the old one and its block have ended', async () => {
    for (let n = 0; n < 4; n++) await hit();
    jest.advanceTimersByTime(MINUTE);
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  test('a block longer than the window outlasts it', async () => {
    for (let n = 0; n < 4; n++) await hit('user:a', 3, 5 * MINUTE);
    jest.advanceTimersByTime(2 * MINUTE);
    expect(await hit('user:a', 3, 5 * MINUTE)).toMatchObject({ totalHits: 1, isBlocked: true, timeToBlockExpire: 180 });
  });

  test("each minute's sweep forgets callers whose window and block have ended, and only them", async () => {
    await hit('user:gone');
    jest.advanceTimersByTime(30_000);
    await hit('user:recent');
    jest.advanceTimersByTime(29_000);
    await hit('user:blocked', 0, 5 * MINUTE);
    expect(storage.size).toBe(3);
    jest.advanceTimersByTime(1000); // the sweep at one minute
    expect(storage.size).toBe(2);
    expect((await hit('user:recent')).totalHits).toBe(2);
    jest.advanceTimersByTime(MINUTE);
    expect(storage.size).toBe(1); // still blocked
  });
});
