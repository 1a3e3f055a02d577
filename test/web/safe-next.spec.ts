import { describe, expect, test } from '@jest/globals';

import { safeNext } from '../../web/src/auth/safe-next.js';

const ORIGIN = 'https://forum.example.nhs.uk';

// The sign-in page's `?next=` comes from a link anyone can craft: it must never lead off the site.
describe('safeNext', () => {
  test.each([
    ['/account/sessions', '/account/sessions'],
    ['/threads/42?sort=new#reply-3', '/threads/42?sort=new#reply-3'],
    ['/', '/'],
    ['/account/../admin/users', '/admin/users'],
  ])('keeps the path %s on this site', (next, expected) => {
    expect(safeNext(next, ORIGIN)).toBe(expected);
  });

  test.each([
    ['//evil.example', 'protocol-relative'],
    ['/\\evil.example', 'a backslash, read as a slash'],
    ['/\t/evil.example', 'a tab, which the parser drops'],
    ['/\n/evil.example', 'a newline, which the parser drops'],
    ['/\r\n/evil.example', 'a carriage return and newline'],
    ['\\/evil.example', 'a leading backslash'],
    ['https:evil.example', 'a scheme with no slashes'],
    ['https://evil.example/account', 'another origin'],
    ['http://forum.example.nhs.uk/account', 'this host over another scheme'],
    ['javascript:alert(1)', 'a script URL'],
    ['evil.example', 'no leading slash'],
    [' /account', 'a leading space'],
    ['', 'nothing'],
  ])('sends %j (%s) to /', (next) => {
    expect(safeNext(next, ORIGIN)).toBe('/');
  });

  test('no next at all goes home', () => {
    expect(safeNext(null, ORIGIN)).toBe('/');
  });
});
