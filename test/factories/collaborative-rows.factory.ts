import { randomBytes } from 'node:crypto';

import { DataSource } from 'typeorm';

import type { TestApp } from '../support/test-app.js';
import type { TestUser } from './user.factory.js';

/**
 * Collaboratives, memberships and follows written straight into the database, for suites
 * that need them without going through the collaboratives routes.
 */
function sql(forum: TestApp, query: string, params: unknown[]) {
  return forum.app.get(DataSource).query(query, params);
}

export async function insertCollaborative(
  forum: TestApp,
  options: { visibility?: 'public' | 'members'; name?: string } = {},
): Promise<string> {
  const tag = randomBytes(4).toString('hex');
  const [row] = await sql(
    forum,
    `INSERT INTO collaboratives (name, slug, type, visibility) VALUES ($1, $2, 'horizontal', $3) RETURNING id`,
    [options.name ?? `Test collaborative ${tag}`, `test-${tag}`, options.visibility ?? 'public'],
  );
  return row.id;
}

export async function addMember(
  forum: TestApp,
  collaborativeId: string,
  user: TestUser,
  role: 'member' | 'lead' = 'member',
): Promise<void> {
  await sql(forum, `INSERT INTO collaborative_members (collaborative_id, user_id, role) VALUES ($1, $2, $3)`, [
    collaborativeId,
    user.id,
    role,
  ]);
}

export async function addFollower(forum: TestApp, collaborativeId: string, user: TestUser): Promise<void> {
  await sql(forum, `INSERT INTO collaborative_follows (collaborative_id, user_id) VALUES ($1, $2)`, [
    collaborativeId,
    user.id,
  ]);
}

export async function archiveCollaborative(forum: TestApp, collaborativeId: string): Promise<void> {
  await sql(forum, `UPDATE collaboratives SET archived_at = now() WHERE id = $1`, [collaborativeId]);
}

export async function collaborativeCounters(forum: TestApp, collaborativeId: string) {
  const [row] = await sql(
    forum,
    `SELECT thread_count, post_count, last_activity_at FROM collaboratives WHERE id = $1`,
    [collaborativeId],
  );
  return {
    threadCount: row.thread_count as number,
    postCount: row.post_count as number,
    lastActivityAt: row.last_activity_at as Date,
  };
}
