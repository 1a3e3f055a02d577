import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { createUser } from './factories/user.factory.js';
import {
  authorPractice,
  authorThread,
  buildCast,
  type CallerName,
  CALLERS,
  type Cast,
  tokenOf,
} from './support/moderation-cast.js';
import { problemViolations } from './support/problem-check.js';
import { startTestApp } from './support/test-app.js';

/**
 * Every moderation action as each kind of caller: only leads of the item's
 * collaborative, site moderators and admins succeed (suspensions: site moderators and
 * admins only), and every refusal is problem details.
 */
const forum = await startTestApp();
let cast: Cast;

beforeAll(async () => {
  cast = await buildCast(forum);
}, 60_000);
afterAll(() => forum.close());

const MODERATORS: CallerName[] = ['lead', 'moderator', 'admin'];
const REASON = { reason: 'Keeps the discussion on topic.' };

interface Action {
  name: string;
  allowed: CallerName[];
  /** A fresh target for each caller, so one success does not change what the next caller meets. */
  request: () => Promise<{ path: string; body: Record<string, unknown> }>;
}

const threadAction = (verb: string): Action => ({
  name: `POST /api/threads/:id/${verb}`,
  allowed: MODERATORS,
  request: async () => ({ path: `/api/threads/${(await authorThread(forum, cast)).thread.id}/${verb}`, body: REASON }),
});

const ACTIONS: Action[] = [
  threadAction('lock'),
  threadAction('unlock'),
  threadAction('pin'),
  threadAction('unpin'),
  {
    name: 'POST /api/threads/:id/merge',
    allowed: MODERATORS,
    request: async () => {
      const [source, into] = await Promise.all([authorThread(forum, cast), authorThread(forum, cast)]);
      return { path: `/api/threads/${source.thread.id}/merge`, body: { ...REASON, intoThreadId: into.thread.id } };
    },
  },
  {
    name: 'POST /api/replies/:id/hide',
    allowed: MODERATORS,
    request: async () => ({ path: `/api/replies/${(await authorThread(forum, cast)).reply.id}/hide`, body: REASON }),
  },
  {
    name: 'POST /api/replies/:id/restore',
    allowed: MODERATORS,
    request: async () => {
      const { reply } = await authorThread(forum, cast);
      await forum.http.post(`/api/replies/${reply.id}/hide`, REASON, { token: cast.moderator.accessToken });
      return { path: `/api/replies/${reply.id}/restore`, body: REASON };
    },
  },
  {
    name: 'POST /api/practices/:id/hide',
    allowed: MODERATORS,
    request: async () => ({
      path: `/api/practices/${(await authorPractice(forum, cast)).practiceId}/hide`,
      body: REASON,
    }),
  },
  {
    name: 'POST /api/practices/:id/restore',
    allowed: MODERATORS,
    request: async () => {
      const { practiceId } = await authorPractice(forum, cast);
      await forum.http.post(`/api/practices/${practiceId}/hide`, REASON, { token: cast.moderator.accessToken });
      return { path: `/api/practices/${practiceId}/restore`, body: REASON };
    },
  },
  {
    name: 'POST /api/comments/:id/hide',
    allowed: MODERATORS,
    request: async () => ({
      path: `/api/comments/${(await authorPractice(forum, cast)).commentId}/hide`,
      body: REASON,
    }),
  },
  {
    name: 'POST /api/comments/:id/restore',
    allowed: MODERATORS,
    request: async () => {
      const { commentId } = await authorPractice(forum, cast);
      await forum.http.post(`/api/comments/${commentId}/hide`, REASON, { token: cast.moderator.accessToken });
      return { path: `/api/comments/${commentId}/restore`, body: REASON };
    },
  },
  {
    name: 'POST /api/users/:id/suspend',
    allowed: ['moderator', 'admin'],
    request: async () => ({ path: `/api/users/${(await createUser(forum)).id}/suspend`, body: REASON }),
  },
  {
    name: 'POST /api/users/:id/unsuspend',
    allowed: ['moderator', 'admin'],
    request: async () => {
      const target = await createUser(forum);
      await forum.http.post(`/api/users/${target.id}/suspend`, REASON, { token: cast.admin.accessToken });
      return { path: `/api/users/${target.id}/unsuspend`, body: REASON };
    },
  },
];

describe.each(ACTIONS)('$name', (action) => {
  test.each([...CALLERS])(
    'as %s',
    async (caller) => {
      const { path, body } = await action.request();
      const response = await forum.http.post(path, body, { token: tokenOf(cast, caller) });
      const expected = action.allowed.includes(caller) ? 200 : caller === 'anonymous' ? 401 : 403;
      expect({ caller, status: response.status, faults: problemViolations(response) }).toEqual({
        caller,
        status: expected,
        faults: [],
      });
    },
    30_000,
  );
});

describe('move', () => {
  const move = (caller: CallerName, threadId: string, collaborativeId: string) =>
    forum.http.post(`/api/threads/${threadId}/move`, { ...REASON, collaborativeId }, { token: tokenOf(cast, caller) });

  test('a lead cannot move a thread out to a collaborative they do not lead, nor in from one', async () => {
    const { thread } = await authorThread(forum, cast);
    expect((await move('lead', thread.id, cast.away.id)).status).toBe(403);
    expect((await move('otherLead', thread.id, cast.away.id)).status).toBe(403);
    const answer = await move('moderator', thread.id, cast.away.id);
    expect(answer.status).toBe(200);
    expect(answer.body.collaborativeId).toBe(cast.away.id);
    // Now in `away`: its lead may moderate it, the lead of `home` no longer may.
    expect(
      (await forum.http.post(`/api/threads/${thread.id}/lock`, REASON, { token: cast.lead.accessToken })).status,
    ).toBe(403);
    expect(
      (await forum.http.post(`/api/threads/${thread.id}/lock`, REASON, { token: cast.otherLead.accessToken })).status,
    ).toBe(200);
  });

  test.each([...CALLERS])('as %s', async (caller) => {
    const { thread } = await authorThread(forum, cast);
    const response = await move(caller, thread.id, cast.away.id);
    const expected = ['moderator', 'admin'].includes(caller) ? 200 : caller === 'anonymous' ? 401 : 403;
    expect({ caller, status: response.status, faults: problemViolations(response) }).toEqual({
      caller,
      status: expected,
      faults: [],
    });
  });
});

describe('suspension limits', () => {
  test('nobody suspends an admin or themself', async () => {
    const otherAdmin = await createUser(forum, 'admin');
    const onAdmin = await forum.http.post(`/api/users/${otherAdmin.id}/suspend`, REASON, {
      token: cast.moderator.accessToken,
    });
    expect(onAdmin.status).toBe(409);
    expect(onAdmin.body.detail).toMatch(/admin/);
    const onSelf = await forum.http.post(`/api/users/${cast.moderator.id}/suspend`, REASON, {
      token: cast.moderator.accessToken,
    });
    expect(onSelf.status).toBe(403);
    expect(onSelf.body.detail).toMatch(/yourself/);
  });

  test('every action needs a reason', async () => {
    const { thread } = await authorThread(forum, cast);
    const response = await forum.http.post(`/api/threads/${thread.id}/lock`, {}, { token: cast.moderator.accessToken });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('reason');
  });
});
