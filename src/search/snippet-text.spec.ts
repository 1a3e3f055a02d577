import { describe, expect, test } from '@jest/globals';

import { START, STOP } from './highlight.js';
import { snippetWithoutMarkdown } from './snippet-text.js';

describe('snippetWithoutMarkdown', () => {
  test('emphasis and code ticks go, the match markers stay', () => {
    expect(snippetWithoutMarkdown(`Our **${START}virtual${STOP} ward** runs _nightly_ with \`EPR\` alerts`)).toBe(
      `Our ${START}virtual${STOP} ward runs nightly with EPR alerts`,
    );
  });

  test('links and images keep their words, not their addresses', () => {
    expect(snippetWithoutMarkdown('See [the guide](https://example.nhs.uk/guide) and ![a chart](chart.png)')).toBe(
      'See the guide and a chart',
    );
  });

  test('headings, quotes and list markers at the start of a line go; the words stay on one line', () => {
    expect(snippetWithoutMarkdown('## Results\n> quoted words\n- one list\n2. second step')).toBe(
      'Results quoted words one list second step',
    );
  });

  test('markers inside words are the text’s own', () => {
    expect(snippetWithoutMarkdown('the ward_id column and 2*3 beds')).toBe('the ward_id column and 2*3 beds');
  });
});
