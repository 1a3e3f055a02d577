import { describe, expect, test } from '@jest/globals';

import { readableMessage } from './readable-messages.js';

describe('readableMessage', () => {
  test.each([
    ['title', 'title must be longer than or equal to 5 characters', 'title must be 5 characters or more'],
    ['title', 'title must be shorter than or equal to 200 characters', 'title must be 200 characters or fewer'],
    ['tags', 'tags must contain no more than 5 elements', 'tags can have 5 entries at most'],
    [
      'tags',
      'each value in tags must be shorter than or equal to 30 characters',
      'tags: each entry must be 30 characters or fewer',
    ],
    ['tags', "All tags's elements must be unique", 'tags must not list an entry twice'],
    ['reason', 'reason must be one of the following values: spam, other', 'reason must be one of: spam, other'],
    ['limit', 'limit must not be greater than 100', 'limit must be 100 or less'],
    ['limit', 'limit must be an integer number', 'limit must be a whole number'],
  ])('%s: "%s" reads "%s"', (property, message, readable) => {
    expect(readableMessage(property, message)).toBe(readable);
  });

  test("a DTO's own message is left as it is", () => {
    expect(readableMessage('slug', 'slug must not be shaped like an id (a UUID)')).toBe(
      'slug must not be shaped like an id (a UUID)',
    );
  });
});
