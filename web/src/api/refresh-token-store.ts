const KEY = 'collaboratives-forum.refresh-token';

/**
 * Where the refresh token lives between page loads; the access token never leaves memory.
 *
 * Why localStorage: a reload or a second tab must stay signed in, and the API hands the token
 * over in the response body (it sets no cookie), so script-readable storage is the only place
 * that survives a reload. sessionStorage would not help: a duplicated tab copies it, and two
 * tabs then rotating copies of one token would replay it and end the session for both.
 *
 * The risk: any script running on this origin can read it, so an XSS flaw would let an attacker
 * keep a session going from elsewhere. What limits that: the CSP allows scripts from this site
 * only and no inline scripts; React escapes text and the API sanitises rendered Markdown; each
 * refresh token works once, and replaying a used one ends its session; signing out deletes it;
 * and every session is listed on the account page, where it can be ended, alone or all at once.
 * An HttpOnly, SameSite=Strict cookie set by the API would remove the risk; see the README.
 */
export interface RefreshTokenStore {
  read(): string | null;
  write(token: string): void;
  clear(): void;
  /** Another tab stored a new token or signed out (null). */
  onChangedElsewhere(listener: (token: string | null) => void): void;
}

/** Storage can be switched off by the person or their organisation; then a reload signs out. */
function quietly<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

export const browserRefreshTokenStore: RefreshTokenStore = {
  read: () => quietly(() => localStorage.getItem(KEY), null),
  write: (token) => quietly(() => localStorage.setItem(KEY, token), undefined),
  clear: () => quietly(() => localStorage.removeItem(KEY), undefined),
  onChangedElsewhere(listener) {
    window.addEventListener('storage', (event) => {
      if (event.key === KEY || event.key === null) listener(event.newValue);
    });
  },
};
