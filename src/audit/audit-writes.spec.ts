import { describe, expect, test } from '@jest/globals';

import { changedFields } from './audit-writes.js';

describe('changedFields', () => {
  test('keeps only the fields whose value changed, on both sides', () => {
    expect(changedFields({ status: 'active', role: 'member' }, { status: 'suspended', role: 'member' })).toEqual({
      before: { status: 'active' },
      after: { status: 'suspended' },
    });
  });

  test('writes dates as ISO text and missing values as null', () => {
    const until = new Date('2030-01-01T00:00:00Z');
    expect(changedFields({ suspendedUntil: null }, { suspendedUntil: until, reason: undefined })).toEqual({
      before: { suspendedUntil: null },
      after: { suspendedUntil: '2030-01-01T00:00:00.000Z' },
    });
  });

  test('nothing changed, nothing recorded', () => {
    expect(changedFields({ isLocked: true }, { isLocked: true })).toEqual({ before: {}, after: {} });
  });
});
