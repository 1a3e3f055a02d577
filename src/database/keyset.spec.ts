import { describe, expect, test } from '@jest/globals';

import { encodeCursor } from '../common/pagination.js';
import { Keyset } from './keyset.js';

const ID = '0b7c2f4e-1d2a-4c3b-8e9f-1a2b3c4d5e6f';

describe('Keyset', () => {
  const byActivity = new Keyset([
    { sql: 't.is_pinned', kind: 'bool' },
    { sql: 't.last_activity_at', kind: 'timestamp' },
    { sql: 't.id', kind: 'uuid' },
  ]);

  test('orders every key the same way and selects each as an expression', () => {
    expect(byActivity.order).toEqual([
      ['t.is_pinned', 'DESC'],
      ['t.last_activity_at', 'DESC'],
      ['t.id', 'DESC'],
    ]);
    expect(byActivity.selects.map(([sql]) => sql)).toEqual([
      '(t.is_pinned)::int',
      `to_char(t.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      '(t.id)',
    ]);
  });

  test('a page of limit + 1 rows keeps limit of them and points after the last kept', () => {
    const rows = [1, 2, 3].map((n) => ({ keyset0: 0, keyset1: `2026-11-24T08:03:0${n}.000000Z`, keyset2: ID }));
    const page = byActivity.pageOf(rows, 2);
    expect(page.rows).toEqual(rows.slice(0, 2));
    expect(page.nextCursor).toBe(byActivity.cursorOf(rows[1]!));
    expect(byActivity.pageOf(rows, 3)).toEqual({ rows, nextCursor: null });
  });

  test('a cursor becomes one row comparison with typed parameters', () => {
    const cursor = byActivity.cursorOf({ keyset0: 1, keyset1: '2026-11-24T08:03:04.123456Z', keyset2: ID });
    expect(byActivity.after(cursor)).toEqual({
      sql: '(t.is_pinned, t.last_activity_at, t.id) < (:keyset0::integer::boolean, :keyset1::timestamptz, :keyset2::uuid)',
      params: { keyset0: 1, keyset1: '2026-11-24T08:03:04.123456Z', keyset2: ID },
    });
    expect(byActivity.after(undefined)).toBeNull();
    expect(new Keyset([{ sql: 'r.position', kind: 'int' }], 'ASC').after(encodeCursor([7]))!.sql).toBe(
      '(r.position) > (:keyset0::integer)',
    );
  });

  test.each([
    ['a boolean other than 0 or 1', [2, '2026-11-24T08:03:04.123456Z', ID]],
    ['a timestamp without microseconds', [0, '2026-11-24T08:03:04Z', ID]],
    ['31 February', [0, '2026-02-31T08:03:04.123456Z', ID]],
    ['a number where a uuid goes', [0, '2026-11-24T08:03:04.123456Z', 5]],
    ['too few keys', [0, ID]],
  ])('refuses %s with a 400', (_label, values) => {
    expect(() => byActivity.after(encodeCursor(values as Array<string | number>))).toThrow(
      'The cursor is not valid for this list',
    );
  });

  test('refuses integers that are fractional or beyond PostgreSQL integer', () => {
    const byVotes = new Keyset([
      { sql: 't.vote_count', kind: 'int' },
      { sql: 't.id', kind: 'uuid' },
    ]);
    expect(() => byVotes.after(encodeCursor([1.5, ID]))).toThrow();
    expect(() => byVotes.after(encodeCursor([2 ** 31, ID]))).toThrow();
    expect(byVotes.after(encodeCursor([-3, ID]))).not.toBeNull();
  });
});

describe('Keyset bigint keys', () => {
  const byId = new Keyset([{ sql: 'a.id', kind: 'bigint' }]);

  test('travel as digits in text and are cast back as bigint', () => {
    expect(byId.selects).toEqual([['(a.id)::text', 'keyset0']]);
    expect(byId.after(encodeCursor(['9007199254740993']))).toEqual({
      sql: '(a.id) < (:keyset0::bigint)',
      params: { keyset0: '9007199254740993' },
    });
  });

  test.each([['-1'], ['1.5'], ['1'.repeat(19)], [12]])('refuses %p with a 400', (value) => {
    expect(() => byId.after(encodeCursor([value]))).toThrow('The cursor is not valid for this list');
  });
});
