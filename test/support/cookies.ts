import type { HttpResponse } from './http.js';

export const REFRESH_COOKIE = 'forum_refresh';

/** The `Set-Cookie` line a response gave for one cookie, if any. */
export function setCookieLine(response: HttpResponse, name: string): string | undefined {
  return response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}

/** A `Set-Cookie` line's value and attributes, attribute names in lower case. */
export function parseSetCookie(line: string): { value: string; attributes: Record<string, string | true> } {
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return {
    value: pair!.slice(pair!.indexOf('=') + 1),
    attributes: Object.fromEntries(
      attributes.map((attribute) => {
        const at = attribute.indexOf('=');
        return at < 0
          ? [attribute.toLowerCase(), true]
          : [attribute.slice(0, at).toLowerCase(), attribute.slice(at + 1)];
      }),
    ),
  };
}

/**
 * What a client sends back (`Cookie: forum_refresh=…`) after a response that set the refresh
 * cookie, as a browser or `curl -b` would. Throws when the response set none.
 */
export function refreshCookieFrom(response: HttpResponse): string {
  const line = setCookieLine(response, REFRESH_COOKIE);
  if (!line) throw new Error(`no ${REFRESH_COOKIE} cookie was set: ${response.status} ${response.text}`);
  return `${REFRESH_COOKIE}=${parseSetCookie(line).value}`;
}

/** Headers for a refresh with this cookie, as a same-origin page or curl sends it. */
export const withCookie = (cookie: string, headers: Record<string, string> = {}) => ({
  headers: { cookie, ...headers },
});
