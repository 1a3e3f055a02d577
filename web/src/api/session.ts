import createClient from 'openapi-fetch';

import type { paths } from './schema';
import type { SignOutSignal } from './sign-out-signal';
import type { Profile, Tokens } from './types';

export type SessionState =
  { status: 'restoring'; user: null } | { status: 'signed-out'; user: null } | { status: 'signed-in'; user: Profile };

const REFRESH_LOCK = 'collaboratives-forum.refresh';

/** The refresh could not be tried (offline, API down): the cookie is kept for another go. */
export class RefreshUnavailableError extends Error {}

/**
 * Who is signed in in this tab. The access token is kept in memory only; the refresh token is
 * an HttpOnly cookie the API sets and reads, which no script here can see, so the page learns
 * whether someone is signed in only by asking for a refresh. A 401 triggers one transparent
 * refresh and one retry. Components follow it through `subscribe`/`state`.
 */
export class Session {
  private accessToken: string | null = null;
  // Until the first refresh answers, nobody knows: the cookie is invisible to this page.
  private current: SessionState = { status: 'restoring', user: null };
  private refreshing: Promise<Profile | null> | null = null;
  private readonly listeners = new Set<() => void>();
  // Same-origin requests carry the cookie; said explicitly so no default can drop it.
  private readonly authApi = createClient<paths>({ credentials: 'same-origin' });

  constructor(private readonly signOuts: SignOutSignal) {
    signOuts.onSignedOutElsewhere(() => this.forget());
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly state = (): SessionState => this.current;

  /** The access token as it is now, for the live connection's handshake (null when signed out). */
  accessTokenNow(): string | null {
    return this.current.status === 'signed-in' ? this.accessToken : null;
  }

  /** After sign-in or a refresh: the new access token, and the person it belongs to (the API set the cookie). */
  begin(tokens: Tokens): void {
    this.accessToken = tokens.accessToken;
    this.set({ status: 'signed-in', user: tokens.user });
  }

  /** The profile changed (the person edited it). */
  updateUser(user: Profile): void {
    if (this.current.status === 'signed-in') this.set({ status: 'signed-in', user });
  }

  /** After signing out: forgets the access token here and in every other tab (the API cleared the cookie). */
  end(): void {
    this.forget();
    this.signOuts.announce();
  }

  private forget(): void {
    this.accessToken = null;
    this.set({ status: 'signed-out', user: null });
  }

  /** On page load: one refresh, which the cookie answers if this browser is signed in, without asking for a password. */
  async restore(): Promise<void> {
    if (this.current.status !== 'restoring') return;
    try {
      await this.refresh();
    } catch {
      // Offline or the API is down: show the signed-out pages; the cookie stays for a reload.
      this.set({ status: 'signed-out', user: null });
    }
  }

  /** A new access token for the cookie (which the API rotates); null when the session has ended. */
  refresh(): Promise<Profile | null> {
    this.refreshing ??= this.refreshOneTabAtATime().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Each refresh token works once, and replaying a used one ends the session. Tabs share the
   * cookie, so two refreshing together would send the same one and sign each other out: they
   * take turns, and each request leaves only once its turn comes, carrying the cookie the one
   * before was given.
   */
  private refreshOneTabAtATime(): Promise<Profile | null> {
    // Web Locks exist only in secure contexts (HTTPS, localhost); elsewhere tabs may collide.
    if (!navigator.locks) return this.refreshNow();
    return navigator.locks.request(REFRESH_LOCK, () => this.refreshNow());
  }

  private async refreshNow(): Promise<Profile | null> {
    const { data, response } = await this.authApi.POST('/api/auth/refresh');
    if (data) {
      this.begin(data);
      return data.user;
    }
    if (response.status === 429 || response.status >= 500)
      throw new RefreshUnavailableError(`Refresh answered ${response.status}`);
    // No cookie, or a spent one: signed out here. Other tabs find out at their own next refresh,
    // so a tab that was simply never signed in does not sign the others out.
    this.forget();
    return null;
  }

  /** The `fetch` of the signed-in API client. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const retry = request.clone();
    const sentWith = this.accessToken;
    const response = await fetch(this.authorised(request));
    if (response.status !== 401 || this.current.status === 'signed-out') return response;
    // Another call may have refreshed while this one was on its way: then just use the new token.
    const refreshed = this.accessToken !== null && this.accessToken !== sentWith;
    if (!refreshed && !(await this.refresh())) return response;
    return fetch(this.authorised(retry));
  };

  private authorised(request: Request): Request {
    if (this.accessToken) request.headers.set('authorization', `Bearer ${this.accessToken}`);
    return request;
  }

  private set(state: SessionState): void {
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}
