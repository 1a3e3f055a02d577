import { randomBytes } from 'node:crypto';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { registrationFor, TEST_PASSWORD } from '../factories/user.factory.js';
import type { HttpClient } from '../support/http.js';
import { confirmFromMailbox } from '../support/mailbox.js';
import type { Writer } from './write-load.js';

async function signIn(http: HttpClient, email: string, password: string): Promise<Writer> {
  const response = await http.post('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${response.text}`);
  return { id: response.body.user.id, email, token: response.body.accessToken };
}

/** The demo admin (the server runs with its demo data). */
export const signInDemoAdmin = (http: HttpClient) => signIn(http, 'admin@example.nhs.uk', DEMO_PASSWORD);

/** One new member who registers, confirms their address from the mailbox and signs in over HTTP. */
async function registerWriter(http: HttpClient): Promise<Writer> {
  const registration = registrationFor({ email: `writer-${randomBytes(5).toString('hex')}@nhs.net` });
  const response = await http.post('/api/auth/register', registration);
  if (response.status !== 202) throw new Error(`register failed: ${response.status} ${response.text}`);
  await confirmFromMailbox(http, registration.email);
  return signIn(http, registration.email, TEST_PASSWORD);
}

/**
 * New members, ten at a time: a hundred people all polling their inbox at once kept the
 * server too busy to send the last confirmation emails within the wait (see #25's note).
 */
export async function registerWriters(http: HttpClient, count: number): Promise<Writer[]> {
  const writers: Writer[] = [];
  while (writers.length < count) {
    const batch = Math.min(10, count - writers.length);
    writers.push(...(await Promise.all(Array.from({ length: batch }, () => registerWriter(http)))));
  }
  return writers;
}

/** Collaborative ids by slug. */
export async function collaborativesBySlug(http: HttpClient, token: string): Promise<Map<string, string>> {
  const response = await http.get('/api/collaboratives?limit=100', { token });
  return new Map(response.body.items.map((item: { slug: string; id: string }) => [item.slug, item.id]));
}

/** Fresh questions for the load to reply to, asked by `token`'s owner in one collaborative. */
export async function askThreads(
  http: HttpClient,
  token: string,
  collaborativeId: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const response = await http.post(
      `/api/collaboratives/${collaborativeId}/threads`,
      { title: `Load question ${index} ${randomBytes(3).toString('hex')}`, body: 'Replies welcome.' },
      { token },
    );
    if (response.status !== 201) throw new Error(`asking failed: ${response.status} ${response.text}`);
    ids.push(response.body.id);
  }
  return ids;
}
