import { describe, expect, test } from '@jest/globals';

import { executableParts } from './html-safety.js';

// The hostile-content suite is only as good as this checker: it must see what a browser would run.
describe('executableParts', () => {
  test('finds scripts, handlers, styles and dangerous URLs, however written', () => {
    expect(executableParts('<p>ok</p><script>x</script>')).toEqual(['<script>']);
    expect(executableParts('<img src=x oNeRrOr=alert(1)>')).toEqual(['img onerror=']);
    expect(executableParts('<a href="jav&#x09;ascript:alert(1)">x</a>')).toHaveLength(1);
    expect(executableParts('<a href=" DATA:text/html,x">x</a>')).toHaveLength(1);
    expect(executableParts('<svg><animate onbegin=alert(1)>')).toEqual(['<svg>', 'animate onbegin=']);
  });

  test('passes sanitised Markdown output', () => {
    expect(
      executableParts(
        '<p><a href="https://www.england.nhs.uk/" rel="nofollow ugc noopener">guide</a> &lt;script&gt;</p>',
      ),
    ).toEqual([]);
  });
});
