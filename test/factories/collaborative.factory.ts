import { randomBytes } from 'node:crypto';

import type { TestApp } from '../support/test-app.js';
import type { TestUser } from './user.factory.js';

export interface TestCollaborative {
  id: string;
  slug: string;
  name: string;
}

/** Creates a collaborative through the API as an admin would. */
export async function createCollaborative(
  forum: TestApp,
  admin: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<TestCollaborative> {
  const tag = randomBytes(4).toString('hex');
  const response = await forum.http.post(
    '/api/collaboratives',
    {
      name: `Test collaborative ${tag}`,
      type: 'horizontal',
      sectors: ['acute'],
      region: 'North West',
      description: 'A test space.',
      ...overrides,
    },
    { token: admin.accessToken },
  );
  if (response.status !== 201) throw new Error(`create collaborative failed: ${response.status} ${response.text}`);
  return { id: response.body.id, slug: response.body.slug, name: response.body.name };
}

/** Adds a member (or lead) through the API as an admin would. */
export async function addMember(
  forum: TestApp,
  admin: TestUser,
  collaborativeId: string,
  user: TestUser,
  role: 'member' | 'lead' = 'member',
) {
  const response = await forum.http.post(
    `/api/collaboratives/${collaborativeId}/members`,
    { userId: user.id, role },
    { token: admin.accessToken },
  );
  if (response.status !== 201) throw new Error(`add member failed: ${response.status} ${response.text}`);
}
