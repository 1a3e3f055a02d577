/** How far back from the limit a cut may look for a space before it gives up and cuts inside a word. */
const MOST_OF_IT = 0.6;

/**
 * The start of `text`, at most `max` characters long (whole characters: an emoji is never
 * split), ending at a word boundary with an ellipsis when anything was left off, so an excerpt
 * never ends in half a word ("…pooled the waiting li").
 */
export function wordExcerpt(text: string, max: number): string {
  const characters = Array.from(text.slice(0, 2 * max + 2));
  if (characters.length <= max) return text;
  const room = characters.slice(0, max - 1).join('');
  // A cut exactly at the end of a word keeps that word whole.
  const space = /\s/.test(characters[max - 1]!) ? room.length : room.lastIndexOf(' ');
  const kept = space >= room.length * MOST_OF_IT ? room.slice(0, space) : room;
  return `${kept.replace(/[\s,;:.!?-]+$/, '')}…`;
}
