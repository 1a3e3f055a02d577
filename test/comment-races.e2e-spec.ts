import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { createCollaborative, type TestCollaborative } from './factories/collaborative.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { succeeded } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Edits of one comment or case study at once, and edits racing its deletion. Each edit
 * locks the row it changes, so concurrent edits queue instead of colliding on the revision
 * number (a 500), and an edit that loses to a delete is refused instead of writing its
 * words back into the tombstone and its history.
 */
const PRACTICE = {
  title: 'Shared discharge lounge across two sites',
  summary: 'One lounge, two hospitals.',
  challenge: 'Beds waiting for transport.',
  approach: 'A shared lounge with its own transport desk.',
  outcomes: 'Beds freed before noon.',
  lessons: 'Staff it from both trusts.',
  themes: ['urgent-and-emergency-care'],
};

const ROUNDS = 6;

describe('comment and case study edits under concurrency', () => {
  let forum: TestApp;
  let author: TestUser;
  let space: TestCollaborative;

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[]): Promise<T[]> =>
    forum.app.get(DataSource).query(query, params);

  const publishedPractice = async (): Promise<string> => {
    const created = await succeeded(
      forum.http.post('/api/practices', { ...PRACTICE, collaborativeId: space.id }, { token: author.accessToken }),
      'draft',
    );
    await succeeded(
      forum.http.post(`/api/practices/${created.id}/publish`, undefined, { token: author.accessToken }),
      'publish',
    );
    return created.id;
  };
  const commentOn = async (practiceId: string, body: string): Promise<string> =>
    (
      await succeeded(
        forum.http.post(`/api/practices/${practiceId}/comments`, { body }, { token: author.accessToken }),
        'comment',
      )
    ).id;

  beforeAll(async () => {
    forum = await startTestApp();
    const admin = await createUser(forum, 'admin');
    author = await createUser(forum);
    space = await createCollaborative(forum, admin, { name: 'Discharge network' });
  });
  afterAll(() => forum?.close());

  test('ten edits of one comment at once all succeed, and its history is numbered 1..n with every version kept', async () => {
    const commentId = await commentOn(await publishedPractice(), 'Version 0');
    const bodies = Array.from({ length: 10 }, (_, index) => `Version ${index + 1}`);
    const answers = await Promise.all(
      bodies.map((body) => forum.http.patch(`/api/comments/${commentId}`, { body }, { token: author.accessToken })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(bodies.map(() => 200));

    const revisions = await succeeded(
      forum.http.get(`/api/comments/${commentId}/revisions?limit=100`, { token: author.accessToken }),
      'revisions',
    );
    const numbers = revisions.items
      .map((revision: { number: number }) => revision.number)
      .sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(bodies.map((_, index) => index + 1));
    // Each revision keeps the body the edit replaced, read under the lock: the original and
    // every edit but the last, each once.
    const [comment] = await sql<{ body: string }>(`SELECT body FROM practice_comments WHERE id = $1`, [commentId]);
    const kept = revisions.items.map((revision: { body: string }) => revision.body).sort();
    expect(kept).toEqual(['Version 0', ...bodies.filter((body) => body !== comment!.body)].sort());
  });

  test('an edit racing the delete of its comment never writes its words into the tombstone or its history', async () => {
    const practiceId = await publishedPractice();
    for (let round = 0; round < ROUNDS; round++) {
      const commentId = await commentOn(practiceId, `Before the race ${round}`);
      const words = `Written while it was deleted ${round}`;
      const [edit, removal] = await Promise.all([
        forum.http.patch(`/api/comments/${commentId}`, { body: words }, { token: author.accessToken }),
        forum.http.delete(`/api/comments/${commentId}`, { token: author.accessToken }),
      ]);
      expect(removal.status).toBe(204);
      expect([200, 409]).toContain(edit.status);
      const [row] = await sql<{ body: string; body_html: string; deleted_at: Date | null }>(
        `SELECT body, body_html, deleted_at FROM practice_comments WHERE id = $1`,
        [commentId],
      );
      expect(row).toMatchObject({ body: '', body_html: '', deleted_at: expect.any(Date) });
      expect(await sql(`SELECT number FROM practice_comment_revisions WHERE comment_id = $1`, [commentId])).toEqual([]);
    }
  });

  test('an edit racing the delete of its case study leaves no history holding its words', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const practiceId = await publishedPractice();
      const [edit, removal] = await Promise.all([
        forum.http.patch(
          `/api/practices/${practiceId}`,
          { summary: `Written while it was deleted ${round}` },
          { token: author.accessToken },
        ),
        forum.http.delete(`/api/practices/${practiceId}`, { token: author.accessToken }),
      ]);
      expect(removal.status).toBe(204);
      expect([200, 409]).toContain(edit.status);
      expect(await sql(`SELECT number FROM practice_revisions WHERE practice_id = $1`, [practiceId])).toEqual([]);
      // The deleted case study's words are gone for readers, and its history with them.
      const history = await forum.http.get(`/api/practices/${practiceId}/revisions`, { token: author.accessToken });
      expect(history.body.items).toEqual([]);
    }
  });
});
