import { randomBytes } from 'node:crypto';

import type { Role } from '../../src/users/user.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { insertCollaborative } from './collaborative-rows.factory.js';
import { createUser, type TestUser } from './user.factory.js';

/** Asks through the API; fails loudly so a broken factory never looks like a refusal. */
export async function askThread(
  forum: TestApp,
  user: TestUser,
  collaborativeId: string,
  overrides: Record<string, unknown> = {},
) {
  const tag = randomBytes(3).toString('hex');
  const response = await forum.http.post(
    `/api/collaboratives/${collaborativeId}/threads`,
    {
      title: `How do you share diagnostic capacity? ${tag}`,
      body: 'We have spare CT slots at weekends.',
      tags: ['diagnostics'],
      ...overrides,
    },
    { token: user.accessToken },
  );
  if (response.status !== 201) throw new Error(`ask failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function replyTo(
  forum: TestApp,
  user: TestUser,
  threadId: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await forum.http.post(
    `/api/threads/${threadId}/replies`,
    { body: 'We book across sites.', ...overrides },
    { token: user.accessToken },
  );
  if (response.status !== 201) throw new Error(`reply failed: ${response.status} ${response.text}`);
  return response.body;
}

/** Every page of a list, following nextCursor. */
export async function allPages(forum: TestApp, user: TestUser, path: string, limit: number) {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response: { status: number; text: string; body: { items: any[]; nextCursor: string | null } } =
      await forum.http.get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
        token: user.accessToken,
      });
    if (response.status !== 200) throw new Error(`list failed: ${response.status} ${response.text}`);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { items, pages };
}

/** A fresh app with one public collaborative and one signed-in person per role given. */
export async function startWithCollaborative(
  roles: Role[],
): Promise<{ forum: TestApp; people: TestUser[]; collaborativeId: string }> {
  const forum = await startTestApp();
  const people = await Promise.all(roles.map((role) => createUser(forum, role)));
  return { forum, people, collaborativeId: await insertCollaborative(forum) };
}
