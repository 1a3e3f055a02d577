import { describe, expect, test } from '@jest/globals';

import { EXCERPT_LENGTH, prepareBody, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  test('the excerpt keeps the words and drops the markup, on one line', () => {
    expect(prepareBody('**PTL** review with `code`\n\n> quoted & <b>raw</b>\n\n- one\n- two').excerpt).toBe(
      'PTL review with code quoted & <b>raw</b> one two',
    );
    expect(prepareBody('See [the guide](https://example.nhs.uk) and @sarah-w').excerpt).toBe(
      'See the guide and @sarah-w',
    );
  });

  test('the excerpt is cut to whole characters: an emoji at the edge is kept or dropped, never split', () => {
    const excerpt = prepareBody(`${'a'.repeat(EXCERPT_LENGTH - 1)}🩺 and more`).excerpt;
    expect(excerpt).toBe(`${'a'.repeat(EXCERPT_LENGTH - 1)}…`);
  });

  test('the excerpt ends at a whole word, with an ellipsis when words were left off', () => {
    const excerpt = prepareBody(`We pooled the waiting list ${'across the trusts '.repeat(12)}`).excerpt;
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(excerpt).toMatch(/ (across|the|trusts)…$/);
  });

  test('one call gives the HTML, excerpt and mentions of the same text', () => {
    expect(prepareBody('Thanks @Ana-K for **this**')).toEqual({
      markdown: 'Thanks @Ana-K for **this**',
      html: '<p>Thanks <a href="/people/ana-k" data-mention="ana-k" rel="nofollow ugc noopener">@ana-k</a> for <strong>this</strong></p>',
      excerpt: 'Thanks @ana-k for this',
      mentions: ['ana-k'],
    });
    expect(prepareBody('')).toEqual({ markdown: '', html: '', excerpt: '', mentions: [] });
  });

  test('renders ordinary Markdown', () => {
    expect(renderMarkdown('**Elective** waits fell by _a third_')).toBe(
      '<p><strong>Elective</strong> waits fell by <em>a third</em></p>',
    );
  });

  test('links are marked nofollow ugc noopener', () => {
    expect(renderMarkdown('[guide](https://www.england.nhs.uk/)')).toBe(
      '<p><a href="https://www.england.nhs.uk/" rel="nofollow ugc noopener">guide</a></p>',
    );
  });

  test.each([
    ['[x](javascript:alert(1))', 'javascript:'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'data:'],
    ['<script>alert(1)</script>', '<script'],
    ['<img src=x onerror=alert(1)>', '<img'],
    ['<a href="#" onclick="steal()">x</a>', '<a href="#"'],
    ['![x](javascript:alert(1))', 'javascript:'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
  ])('%s never survives as live markup', (markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toContain(forbidden);
  });

  test('@handles link to profiles and are listed once each, but not in code or emails', () => {
    const markdown =
      'Thanks @sarah-whitfield and @David-Mensah! cc @sarah-whitfield, not `@code-user` nor someone@nhs.net';
    expect(renderMarkdown(markdown)).toContain(
      '<a href="/people/sarah-whitfield" data-mention="sarah-whitfield" rel="nofollow ugc noopener">@sarah-whitfield</a>',
    );
    expect(prepareBody(markdown).mentions).toEqual(['sarah-whitfield', 'david-mensah']);
  });

  test('an image is a link to it, named by its description, never embedded', () => {
    expect(
      renderMarkdown('See ![the pathway](https://example.nhs.uk/pathway.png) and ![](https://example.nhs.uk/x.png)'),
    ).toBe(
      '<p>See <a href="https://example.nhs.uk/pathway.png" rel="nofollow ugc noopener">the pathway</a> and <a href="https://example.nhs.uk/x.png" rel="nofollow ugc noopener">image</a></p>',
    );
    expect(renderMarkdown('[![build status](https://ci.example/badge.svg)](https://ci.example/)')).toBe(
      '<p><a href="https://ci.example/" rel="nofollow ugc noopener">build status</a></p>',
    );
  });

  test('raw HTML is shown as text, not dropped silently', () => {
    expect(renderMarkdown('a <b>bold</b> claim')).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });
});
