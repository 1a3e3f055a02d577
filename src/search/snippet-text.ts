/**
 * ts_headline quotes the author's Markdown as written, so a snippet would show "**virtual
 * ward**" to the reader. This takes the common markup out of the quoted words (emphasis,
 * code ticks, headings, quotes, list markers, links and images by their text), keeping the
 * match markers, so the snippet reads as the rendered post does.
 */
export function snippetWithoutMarkdown(snippet: string): string {
  return (
    snippet
      // Images and links: their words, without the address.
      .replace(/!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
      // Emphasis and code ticks, except between two word characters (snake_case, 2*3).
      .replace(/\*{1,3}|_{1,3}|`+/g, (markers: string, offset: number, text: string) =>
        isWordInside(text, offset, markers.length) ? markers : '',
      )
      // Line starts: headings, quotes, list items.
      .replace(/(^|\n)[ \t]*(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-+][ \t]+|\d+[.)][ \t]+)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** `snake_case` and `2*3`: markers between two word characters are the text's own. */
function isWordInside(text: string, offset: number, length: number): boolean {
  return /\w/.test(text[offset - 1] ?? '') && /\w/.test(text[offset + length] ?? '');
}
