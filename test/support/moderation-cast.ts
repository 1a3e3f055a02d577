import { addMember, createCollaborative, type TestCollaborative } from '../factories/collaborative.factory.js';
import { askThread, replyTo } from '../factories/thread.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import type { TestApp } from './test-app.js';

/** Everyone whose rights moderation suites compare, around two public collaboratives. */
export interface Cast {
  author: TestUser;
  member: TestUser;
  /** Leads `home`. */
  lead: TestUser;
  /** Leads `away` only. */
  otherLead: TestUser;
  moderator: TestUser;
  admin: TestUser;
  home: TestCollaborative;
  away: TestCollaborative;
}

export const CALLERS = ['anonymous', 'author', 'member', 'lead', 'otherLead', 'moderator', 'admin'] as const;
export type CallerName = (typeof CALLERS)[number];

export async function buildCast(forum: TestApp): Promise<Cast> {
  const [author, member, lead, otherLead, moderator, admin] = await Promise.all([
    createUser(forum),
    createUser(forum),
    createUser(forum),
    createUser(forum),
    createUser(forum, 'moderator'),
    createUser(forum, 'admin'),
  ]);
  const home = await createCollaborative(forum, admin, { name: `Home ${author.id.slice(0, 6)}` });
  const away = await createCollaborative(forum, admin, { name: `Away ${author.id.slice(0, 6)}` });
  await addMember(forum, admin, home.id, lead, 'lead');
  await addMember(forum, admin, away.id, otherLead, 'lead');
  await addMember(forum, admin, home.id, author);
  await addMember(forum, admin, home.id, member);
  return { author, member, lead, otherLead, moderator, admin, home, away };
}

export const tokenOf = (cast: Cast, name: CallerName): string | undefined =>
  name === 'anonymous' ? undefined : cast[name].accessToken;

/** A thread by the author in `home` with one reply by the author. */
export async function authorThread(forum: TestApp, cast: Cast, collaborativeId = cast.home.id) {
  const thread = await askThread(forum, cast.author, collaborativeId);
  const reply = await replyTo(forum, cast.author, thread.id, {
    body: 'Our weekend CT list is shared across three trusts.',
  });
  return { thread, reply };
}

const PRACTICE = {
  title: 'Shared imaging capacity',
  summary: 'One list for three trusts.',
  challenge: 'Waits.',
  approach: 'Sharing.',
  outcomes: 'Shorter waits.',
  lessons: 'Start with reporting.',
  themes: ['diagnostics'],
};

/** A published case study by the author in `home`, with one comment by the author. */
export async function authorPractice(forum: TestApp, cast: Cast) {
  const created = await forum.http.post(
    '/api/practices',
    { ...PRACTICE, collaborativeId: cast.home.id },
    { token: cast.author.accessToken },
  );
  if (created.status !== 201) throw new Error(`practice failed: ${created.status} ${created.text}`);
  const published = await forum.http.post(`/api/practices/${created.body.id}/publish`, undefined, {
    token: cast.author.accessToken,
  });
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${published.text}`);
  const comment = await forum.http.post(
    `/api/practices/${created.body.id}/comments`,
    { body: 'We found the same.' },
    { token: cast.author.accessToken },
  );
  if (comment.status !== 201) throw new Error(`comment failed: ${comment.status} ${comment.text}`);
  return { practiceId: created.body.id as string, commentId: comment.body.id as string };
}
