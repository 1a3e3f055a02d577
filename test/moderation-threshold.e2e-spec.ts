import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { authorThread, buildCast, type Cast } from './support/moderation-cast.js';
import { startTestApp } from './support/test-app.js';

/** AUTO_HIDE_REPORTS comes from the environment: at 1, the first report hides the item. */
const strict = await startTestApp({ env: { AUTO_HIDE_REPORTS: '1' } });
let cast: Cast;

beforeAll(async () => {
  cast = await buildCast(strict);
}, 60_000);
afterAll(() => strict.close());

test('a threshold of 1 set in the environment hides on the first report', async () => {
  expect(strict.config.autoHideReports).toBe(1);
  const { thread } = await authorThread(strict, cast);
  const response = await strict.http.post(
    '/api/reports',
    { targetType: 'thread', targetId: thread.id, reason: 'spam' },
    { token: cast.member.accessToken },
  );
  expect(response.status).toBe(201);
  expect(response.body.targetHidden).toBe(true);
  const seen = await strict.http.get(`/api/threads/${thread.id}`, { token: cast.member.accessToken });
  expect(seen.body).toMatchObject({ hidden: true, body: '' });
});
