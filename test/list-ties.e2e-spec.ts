import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { insertCollaborative } from './factories/collaborative-rows.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Item = { id?: string; user?: { id: string } };
type Page = { status: number; body: { items: Item[]; nextCursor: string | null } };

/**
 * Rows written in one statement share `created_at` to the microsecond. A list keyed on the
 * time alone, or whose cursor keeps milliseconds only (a JavaScript Date), skips or repeats
 * them across pages; the unique tiebreak (id) and an exact cursor page through all of them.
 */
describe('lists page through rows that share their timestamp', () => {
  let forum: TestApp;
  let admin: TestUser;
  const sql = (query: string, params: unknown[]) => forum.app.get(DataSource).query(query, params);

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
  });
  afterAll(() => forum?.close());

  async function everyPage(path: string, token: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await forum.http.get(`${path}${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item) => item.id ?? item.user!.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return seen;
  }

  // Newest first, then by id: with one timestamp, the ids alone decide, highest first.
  const byIdDescending = (ids: string[]) => [...ids].sort().reverse();

  test('notifications', async () => {
    const reader = await createUser(forum);
    const rows: Array<{ id: string }> = await sql(
      `INSERT INTO notifications (user_id, type, event_id, data)
       SELECT $1, 'reply', n, jsonb_build_object('title', 'Tied ' || n) FROM generate_series(1, 7) AS n
       RETURNING id`,
      [reader.id],
    );
    const ids = rows.map((row) => row.id);

    const seen = await everyPage('/api/notifications?limit=2', reader.accessToken);
    expect(seen).toEqual(byIdDescending(ids));
  });

  test('the admin user list', async () => {
    const organisation = `Tied Trust ${randomBytes(4).toString('hex')}`;
    const users = await Promise.all(Array.from({ length: 7 }, () => createUser(forum, 'member', { organisation })));
    const ids = users.map((user) => user.id);
    // One statement, and a time with microseconds that a millisecond cursor would cut.
    await sql(`UPDATE users SET created_at = '2026-03-02T10:11:12.345678Z' WHERE id = ANY($1::uuid[])`, [ids]);

    const seen = await everyPage(
      `/api/admin/users?limit=2&query=${encodeURIComponent(organisation)}`,
      admin.accessToken,
    );
    expect(seen).toEqual(byIdDescending(ids));
  });

  test('the members of a collaborative, oldest first', async () => {
    const space = await insertCollaborative(forum);
    const members = await Promise.all(Array.from({ length: 7 }, () => createUser(forum)));
    const ids = members.map((member) => member.id);
    await sql(
      `INSERT INTO collaborative_members (collaborative_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'member'`,
      [space, ids],
    );

    const seen = await everyPage(`/api/collaboratives/${space}/members?limit=2`, members[0]!.accessToken);
    expect(seen).toEqual([...ids].sort());
  });
});
