import { describe, expect, test } from '@jest/globals';

import { poolOptions } from './pool-options.js';

describe('poolOptions', () => {
  test('turns parallel query workers off', () => {
    expect(poolOptions({}).options).toBe('-c max_parallel_workers_per_gather=0');
  });

  test("keeps the operator's PGOPTIONS, which pg would otherwise read and this would replace", () => {
    expect(poolOptions({ PGOPTIONS: '-c statement_timeout=5s' }).options).toBe(
      '-c statement_timeout=5s -c max_parallel_workers_per_gather=0',
    );
  });
});
