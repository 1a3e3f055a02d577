import { describe, expect, test } from '@jest/globals';

import { hasSqlState, isDatabaseUnavailable, UNIQUE_VIOLATION } from './database-errors.js';

describe('isDatabaseUnavailable', () => {
  test.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '57P03', message: 'the database system is starting up' }],
    [new Error('Connection terminated unexpectedly')],
    [new Error('timeout exceeded when trying to connect')],
    [{ name: 'QueryFailedError', message: 'x', driverError: { code: '08006' } }],
  ])('%j means the database is unavailable', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([[{ code: '23505', message: 'duplicate key' }], [new TypeError('x is undefined')], [null]])(
    '%j is not',
    (error) => {
      expect(isDatabaseUnavailable(error)).toBe(false);
    },
  );
});

describe('hasSqlState', () => {
  test('matches the error code PostgreSQL gave, and nothing without one', () => {
    expect(hasSqlState({ code: '23505', message: 'duplicate key' }, UNIQUE_VIOLATION)).toBe(true);
    expect(hasSqlState({ code: '23503' }, UNIQUE_VIOLATION)).toBe(false);
    expect(hasSqlState(new Error('duplicate key'), UNIQUE_VIOLATION)).toBe(false);
    expect(hasSqlState(null, UNIQUE_VIOLATION)).toBe(false);
  });
});
