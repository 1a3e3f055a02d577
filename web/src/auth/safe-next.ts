/**
 * Where to go after signing in: only a path on this site, so a crafted link cannot send people
 * elsewhere. The URL parser decides, as the browser would: it drops tabs and newlines and reads
 * `\` as `/`, so `/\t/evil.example` and `/\evil.example` are other sites, which string checks miss.
 * Answers the parsed path (with its query and fragment), never the raw text.
 */
export function safeNext(next: string | null, origin: string): string {
  // A path, not a URL: `https:evil.example` would parse relative to an https origin.
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
}
