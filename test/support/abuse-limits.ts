import { randomBytes } from 'node:crypto';

import type { AdjustableClock } from '../../src/common/clock.js';
import { confirmAddress, registrationFor } from '../factories/user.factory.js';
import type { RequestOptions } from './http.js';
import type { TestApp } from './test-app.js';

/** Longer than the window of any request limit, so moving the clock by it ends them all. */
const LONGER_THAN_ANY_WINDOW_MS = 24 * 60 * 60_000;

/** A /64 of the documentation range of the test's own (its first four groups), so no other test shares its counters. */
export const newNetwork = () => `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

/** One address in a /64 of the test's own. */
export const newNetworkAddress = () => `${newNetwork()}::1`;

/** Request options for a caller at `address`, as a trusted proxy reports it. */
export const from = (address: string, token?: string): RequestOptions => ({
  headers: { 'x-forwarded-for': address },
  ...(token ? { token } : {}),
});

/**
 * What the limit suites do to their forum: register an account, sign in (from an address,
 * behind a trusted proxy, when given) and, with the forum's clock, let every window end.
 * `forum` is asked for at each call, so a suite can make these before `beforeAll` starts it.
 */
export function limitsOf(forumOf: () => TestApp, clock?: AdjustableClock) {
  const as = (address?: string) => (address ? from(address) : {});
  return {
    /** A new account's email, confirmed from the mailbox; the registration must succeed. */
    async register(address?: string): Promise<string> {
      const registration = registrationFor();
      const response = await forumOf().http.post('/api/auth/register', registration, as(address));
      if (response.status !== 202) throw new Error(`register failed: ${response.status} ${response.text}`);
      await confirmAddress(forumOf(), registration.email);
      return registration.email;
    },
    login: (email: string, password: string, address?: string) =>
      forumOf().http.post('/api/auth/login', { email, password }, as(address)),
    /** Every limit's window runs out, as if the time had passed. */
    endWindows(): void {
      if (!clock) throw new Error('endWindows needs the forum to be started with an AdjustableClock');
      clock.advance(LONGER_THAN_ANY_WINDOW_MS);
    },
  };
}
