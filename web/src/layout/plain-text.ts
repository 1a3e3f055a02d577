const BLOCK_ENDS = /<\/(?:p|li|h[1-6]|blockquote|pre|tr|td|th)>|<br\s*\/?>/g;

/**
 * The words of the API's sanitised HTML (rendered from Markdown) on one line, for places that
 * show a short text rather than the formatted post: a directory card shows "virtual ward", not
 * "**virtual ward**". DOMParser builds an inert document: nothing in it loads or runs.
 */
export function plainTextOf(html: string): string {
  const document = new DOMParser().parseFromString(html.replace(BLOCK_ENDS, ' $&'), 'text/html');
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
