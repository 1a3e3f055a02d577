import { describe, expect, test } from '@jest/globals';

import { wordExcerpt } from './word-excerpt.js';

describe('wordExcerpt', () => {
  test('leaves a text that fits as it is', () => {
    expect(wordExcerpt('We pooled the waiting list.', 40)).toBe('We pooled the waiting list.');
  });

  test('cuts at the last whole word, without trailing punctuation, and adds an ellipsis', () => {
    expect(wordExcerpt('We pooled the waiting list, then the theatre rotas.', 24)).toBe('We pooled the waiting…');
  });

  test('keeps a word that ends exactly at the limit', () => {
    expect(wordExcerpt('one two three four', 14)).toBe('one two three…');
  });

  test('never goes past the limit, ellipsis included', () => {
    const excerpt = wordExcerpt('word '.repeat(100), 50);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(50);
  });

  test('cuts inside one very long word rather than leave nearly nothing', () => {
    expect(wordExcerpt(`A ${'x'.repeat(40)}`, 10)).toBe(`A ${'x'.repeat(7)}…`);
  });

  test('never splits an emoji', () => {
    expect(wordExcerpt(`${'🙂'.repeat(12)}`, 5)).toBe('🙂🙂🙂🙂…');
  });
});
