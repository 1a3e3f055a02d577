import { describe, expect, jest, test } from '@jest/globals';

import { AdjustableClock } from './clock.js';

describe('AdjustableClock', () => {
  test('moving it runs what was scheduled for the time it reaches, once, and nothing later', () => {
    const clock = new AdjustableClock();
    const soon = jest.fn();
    const later = jest.fn();
    const cancelled = jest.fn();
    clock.at(clock.nowMs() + 60_000, soon);
    clock.at(clock.nowMs() + 3_600_000, later);
    clock.at(clock.nowMs() + 60_000, cancelled)();
    clock.advance(61_000);
    clock.advance(1_000);
    expect(soon).toHaveBeenCalledTimes(1);
    expect(later).not.toHaveBeenCalled();
    expect(cancelled).not.toHaveBeenCalled();
    clock.advance(3_600_000);
    expect(later).toHaveBeenCalledTimes(1);
  });

  test('a time already reached runs at once', () => {
    const clock = new AdjustableClock();
    const task = jest.fn();
    clock.at(clock.nowMs() - 1, task);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
