import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { askThread, replyTo, startWithCollaborative } from './factories/thread.factory.js';
import { type TestUser } from './factories/user.factory.js';
import type { TestApp } from './support/test-app.js';

describe('thread events', () => {
  let forum: TestApp;
  let asker: TestUser;
  let peer: TestUser;
  let moderator: TestUser;
  let collaborativeId: string;

  beforeAll(async () => {
    ({
      forum,
      people: [asker, peer, moderator],
      collaborativeId,
    } = await startWithCollaborative(['member', 'member', 'moderator']));
  });
  afterAll(() => forum?.close());

  const eventsOf = async (threadId: string) =>
    (await forum.app
      .get(DataSource)
      .query(`SELECT type, collaborative_id, thread_id, payload FROM events WHERE thread_id = $1 ORDER BY id`, [
        threadId,
      ])) as Array<{
      type: string;
      collaborative_id: string;
      thread_id: string;
      payload: Record<string, unknown>;
    }>;

  test('every visible write appends one event with the payload a client may see; no-ops and refusals append none', async () => {
    const thread = await askThread(forum, asker, collaborativeId, { title: 'Events for this thread' });
    const reply = await replyTo(forum, peer, thread.id);
    const [created] = await eventsOf(thread.id);
    expect(created!.payload).toMatchObject({
      id: thread.id,
      title: 'Events for this thread',
      author: { id: asker.id },
    });
    expect(created!.payload).not.toHaveProperty('viewer');
    await forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: peer.accessToken });
    await forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: peer.accessToken }); // already voted: no event
    await forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: asker.accessToken }); // refused: no event
    await forum.http.put(`/api/replies/${reply.id}/vote`, undefined, { token: asker.accessToken });
    await forum.http.put(
      `/api/threads/${thread.id}/accepted-reply`,
      { replyId: reply.id },
      { token: asker.accessToken },
    );
    await forum.http.patch(`/api/threads/${thread.id}`, { body: 'Edited body' }, { token: asker.accessToken });
    await forum.http.patch(`/api/replies/${reply.id}`, { body: 'Edited reply' }, { token: peer.accessToken });
    await forum.http.post(
      `/api/threads/${thread.id}/pin`,
      { reason: 'Useful to all' },
      { token: moderator.accessToken },
    );
    await forum.http.post(`/api/threads/${thread.id}/lock`, { reason: 'Answered' }, { token: moderator.accessToken });
    await forum.http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'Refused: locked' },
      { token: peer.accessToken },
    );
    await forum.http.delete(`/api/replies/${reply.id}`, { token: peer.accessToken });
    await forum.http.delete(`/api/threads/${thread.id}`, { token: asker.accessToken });

    const events = await eventsOf(thread.id);
    expect(events.map((event) => event.type)).toEqual([
      'thread.created',
      'reply.created',
      'votes.changed',
      'votes.changed',
      'thread.answer-accepted',
      'thread.updated',
      'reply.updated',
      'thread.pinned',
      'thread.locked',
      'thread.answer-accepted',
      'reply.deleted',
      'thread.deleted',
    ]);
    expect(events.every((event) => event.collaborative_id === collaborativeId)).toBe(true);
    // Every stored payload has the version of its shape.
    expect(events.every((event) => event.payload.v === 1)).toBe(true);
    // Deleted since: what a client replays no longer carries the thread's or the reply's words.
    expect(events[0]!.payload).toEqual({ id: thread.id, deleted: true, v: 1 });
    expect(events[1]!.payload).toEqual({ id: reply.id, deleted: true, v: 1 });
    expect(events[2]!.payload).toEqual({ target: 'thread', id: thread.id, threadId: thread.id, voteCount: 1, v: 1 });
    expect(events[3]!.payload).toEqual({ target: 'reply', id: reply.id, threadId: thread.id, voteCount: 1, v: 1 });
    expect(events[4]!.payload).toEqual({ threadId: thread.id, acceptedReplyId: reply.id, v: 1 });
    expect(events[9]!.payload).toEqual({ threadId: thread.id, acceptedReplyId: null, v: 1 });
    expect(events[11]!.payload).toEqual({ threadId: thread.id, collaborativeId, v: 1 });
    const everything = JSON.stringify(events);
    expect(everything).not.toContain(asker.email);
    expect(everything).not.toContain(peer.email);
    expect(everything).not.toMatch(/password|"email"/i);
  });
});
