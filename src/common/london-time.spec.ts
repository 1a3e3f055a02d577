import { describe, expect, test } from '@jest/globals';

import { londonDateTime } from './london-time.js';

describe('londonDateTime', () => {
  test('says the day, month, year and the 24-hour time in Greenwich Mean Time in winter', () => {
    expect(londonDateTime(new Date('2026-12-14T23:23:59.182Z'))).toBe('14 December 2026, 23:23');
  });

  test('moves to British Summer Time in summer, across midnight too', () => {
    expect(londonDateTime(new Date('2026-07-01T23:30:00Z'))).toBe('2 July 2026, 00:30');
  });

  test('keeps the minutes of a single-digit day and hour', () => {
    expect(londonDateTime(new Date('2027-01-05T09:05:00Z'))).toBe('5 January 2027, 09:05');
  });
});
