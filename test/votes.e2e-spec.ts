import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { askThread, replyTo, startWithCollaborative } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import type { TestApp } from './support/test-app.js';

describe('votes', () => {
  let forum: TestApp;
  let asker: TestUser;
  let peer: TestUser;
  let voters: TestUser[];
  let collaborativeId: string;

  beforeAll(async () => {
    ({
      forum,
      people: [asker, peer],
      collaborativeId,
    } = await startWithCollaborative(['member', 'member']));
    voters = await Promise.all(Array.from({ length: 50 }, () => createUser(forum)));
  });
  afterAll(() => forum?.close());

  const count = async (path: string) => (await forum.http.get(path, { token: asker.accessToken })).body;

  test('50 people voting for a thread at once count exactly 50; withdrawing at once brings it back to 0', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const votes = await Promise.all(
      voters.map((voter) => forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: voter.accessToken })),
    );
    expect(votes.map((vote) => vote.status)).toEqual(voters.map(() => 200));
    expect(votes.every((vote) => vote.body.voted === true)).toBe(true);
    expect((await count(`/api/threads/${thread.id}`)).voteCount).toBe(50);
    expect(Math.max(...votes.map((vote) => vote.body.voteCount))).toBe(50);

    const half = voters.slice(0, 25);
    await Promise.all(
      half.map((voter) => forum.http.delete(`/api/threads/${thread.id}/vote`, { token: voter.accessToken })),
    );
    expect((await count(`/api/threads/${thread.id}`)).voteCount).toBe(25);
    await Promise.all(
      voters.map((voter) => forum.http.delete(`/api/threads/${thread.id}/vote`, { token: voter.accessToken })),
    );
    expect((await count(`/api/threads/${thread.id}`)).voteCount).toBe(0);
  });

  test('the same person voting 30 times at once counts once', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, asker, thread.id);
    await Promise.all(
      Array.from({ length: 30 }, () =>
        forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: peer.accessToken }),
      ),
    );
    await Promise.all(
      Array.from({ length: 30 }, () =>
        forum.http.put(`/api/replies/${reply.id}/vote`, undefined, { token: peer.accessToken }),
      ),
    );
    expect((await count(`/api/threads/${thread.id}`)).voteCount).toBe(1);
    const shown = await forum.http.get(`/api/threads/${thread.id}`, { token: peer.accessToken });
    expect(shown.body.viewer.voted).toBe(true);
    const replies = await forum.http.get(`/api/threads/${thread.id}/replies`, { token: peer.accessToken });
    expect(replies.body.items[0]).toMatchObject({ voteCount: 1, voted: true });
    expect(
      (await forum.http.get(`/api/threads/${thread.id}/replies`, { token: asker.accessToken })).body.items[0].voted,
    ).toBe(false);
  });

  test('50 parallel votes on a reply, mixed with votes and withdrawals on its thread, stay exact', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, peer, thread.id);
    await Promise.all(
      voters.flatMap((voter, index) => [
        forum.http.put(`/api/replies/${reply.id}/vote`, undefined, { token: voter.accessToken }),
        forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: voter.accessToken }),
        ...(index % 2 === 0 ? [forum.http.delete(`/api/threads/${thread.id}/vote`, { token: voter.accessToken })] : []),
      ]),
    );
    const replies = (await count(`/api/threads/${thread.id}/replies`)).items;
    expect(replies[0].voteCount).toBe(50);
    // A withdrawal may land before or after its own vote; the count matches the votes that remain.
    const remaining = await Promise.all(
      voters.map(
        async (voter) =>
          (await forum.http.get(`/api/threads/${thread.id}`, { token: voter.accessToken })).body.viewer.voted,
      ),
    );
    expect((await count(`/api/threads/${thread.id}`)).voteCount).toBe(remaining.filter(Boolean).length);
  });

  test('nobody votes for their own thread or reply (403), and nothing is counted', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, peer, thread.id);
    const ownThread = await forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: asker.accessToken });
    expect(ownThread.status).toBe(403);
    expect(ownThread.body.detail).toBe('You cannot vote for your own thread.');
    expect((await forum.http.put(`/api/replies/${reply.id}/vote`, undefined, { token: peer.accessToken })).status).toBe(
      403,
    );
    expect((await count(`/api/threads/${thread.id}`)).voteCount).toBe(0);
    expect((await count(`/api/threads/${thread.id}/replies`)).items[0].voteCount).toBe(0);
  });

  test('a deleted reply takes no new votes (409)', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, peer, thread.id);
    await forum.http.delete(`/api/replies/${reply.id}`, { token: peer.accessToken });
    expect(
      (await forum.http.put(`/api/replies/${reply.id}/vote`, undefined, { token: asker.accessToken })).status,
    ).toBe(409);
  });
});
