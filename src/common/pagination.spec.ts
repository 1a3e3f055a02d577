import { describe, expect, test } from '@jest/globals';

import { decodeCursor, encodeCursor } from './pagination.js';

const UUID = '0b7c6f3e-1d2a-4c5b-8e9f-0a1b2c3d4e5f';

describe('decodeCursor', () => {
  test('reads back what encodeCursor wrote', () => {
    const values = ['2026-11-24T08:00:00.123456Z', UUID];
    expect(decodeCursor(encodeCursor(values), ['date', 'uuid'])).toEqual(values);
  });

  // Regression (found by the route fuzzer): these passed Date.parse or the string check,
  // then failed inside PostgreSQL as a 500 instead of a 400.
  test.each([
    ['1'],
    ['Tue'],
    ['2020-02-30T00:00:00Z'],
    ['0000-01-01T00:00:00Z'],
    ['+275760-09-13T00:00:00.000Z'],
    ['2020-01-01T00:00:00.000Z\u0000'],
  ])('a cursor with the time %j is refused as invalid', (time) => {
    expect(() => decodeCursor(encodeCursor([time, UUID]), ['date', 'uuid'])).toThrow('The cursor is not valid');
  });

  test('a NUL character in a text position is refused', () => {
    expect(() => decodeCursor(encodeCursor(['a\u0000b', UUID]), ['string', 'uuid'])).toThrow('The cursor is not valid');
  });
});
