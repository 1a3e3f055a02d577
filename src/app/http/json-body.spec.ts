import { describe, expect, test } from '@jest/globals';

import { jsonDepth } from './json-body.js';

describe('jsonDepth', () => {
  test('counts nesting of arrays and objects', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
  });

  test('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"a":"[[[{{{\\"[[["}')).toBe(1);
  });
});
