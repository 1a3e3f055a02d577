import createClient from 'openapi-fetch';
import type { RefreshTokenStore } from './refresh-token-store';
import type { paths } from './schema';
import type { Profile, Tokens } from './types';

export type SessionState =
  | { status: 'restoring'; user: null }
  | { status: 'signed-out'; user: null }
  | { status: 'signed-in'; user: Profile };

const REFRESH_LOCK = 'collaboratives-forum.refresh';

/** The refresh could not be tried (offline, API down): the token is kept for another go. */
export class RefreshUnavailableError extends Error {}

/**
 * Who is signed in in this tab. The access token is kept in memory only; a 401 triggers one
 * transparent refresh and one retry. Components follow it through `subscribe`/`state`.
 */
export class Session {
  private accessToken: string | null = null;
  private current: SessionState;
  private refreshing: Promise<Profile | null> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly authApi = createClient<paths>();

  constructor(private readonly refreshTokens: RefreshTokenStore) {
    this.current = refreshTokens.read() ? { status: 'restoring', user: null } : { status: 'signed-out', user: null };
    refreshTokens.onChangedElsewhere((token) => {
      if (token === null) this.end();
    });
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

  /** After sign-in or a refresh: the new tokens, and the person they belong to. */
  begin(tokens: Tokens): void {
    this.accessToken = tokens.accessToken;
    this.refreshTokens.write(tokens.refreshToken);
    this.set({ status: 'signed-in', user: tokens.user });
  }

  /** The profile changed (the person edited it). */
  updateUser(user: Profile): void {
    if (this.current.status === 'signed-in') this.set({ status: 'signed-in', user });
  }

  /** Forgets both tokens here and in every other tab (they see the storage change). */
  end(): void {
    this.accessToken = null;
    this.refreshTokens.clear();
    this.set({ status: 'signed-out', user: null });
  }

  /** On page load: a stored refresh token brings the session back without asking for a password. */
  async restore(): Promise<void> {
    if (this.current.status !== 'restoring') return;
    try {
      await this.refresh();
    } catch {
      // Offline or the API is down: show the signed-out pages but keep the token for a reload.
      this.set({ status: 'signed-out', user: null });
    }
  }

  /** New tokens for the stored refresh token; null when the session has ended. */
  refresh(): Promise<Profile | null> {
    this.refreshing ??= this.refreshOneTabAtATime().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Each refresh token works once, and replaying a used one ends the session. Tabs share the
   * stored token, so two refreshing together would sign each other out: they take turns, and
   * each reads the token only once its turn comes, after the one before stored its successor.
   */
  private refreshOneTabAtATime(): Promise<Profile | null> {
    // Web Locks exist only in secure contexts (HTTPS, localhost); elsewhere tabs may collide.
    if (!navigator.locks) return this.refreshNow();
    return navigator.locks.request(REFRESH_LOCK, () => this.refreshNow());
  }

  private async refreshNow(): Promise<Profile | null> {
    const refreshToken = this.refreshTokens.read();
    if (!refreshToken) {
      this.end();
      return null;
    }
    const { data, response } = await this.authApi.POST('/api/auth/refresh', { body: { refreshToken } });
    if (data) {
      this.begin(data);
      return data.user;
    }
    if (response.status === 429 || response.status >= 500) throw new RefreshUnavailableError(`Refresh answered ${response.status}`);
    this.end();
    return null;
  }

  /** The `fetch` of the signed-in API client. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const retry = request.clone();
    const sentWith = this.accessToken;
    const response = await fetch(this.authorised(request));
    if (response.status !== 401 || !this.refreshTokens.read()) return response;
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
