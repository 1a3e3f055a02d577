import { addMember, createCollaborative, type TestCollaborative } from '../factories/collaborative.factory.js';
import { createUser, signIn, type TestUser } from '../factories/user.factory.js';
import type { TestApp } from './test-app.js';

/** A small forum with one of each kind of thing and person, for suites that sweep every route. */
export interface World {
  admin: TestUser;
  moderator: TestUser;
  member: TestUser;
  /** Leads `open` and `secret`. */
  lead: TestUser;
  /** Someone others act on (suspended, re-roled, added); never a caller. */
  victim: TestUser;
  open: TestCollaborative;
  secret: TestCollaborative;
  /** A pending request by `victim` to join `secret`. */
  joinRequestId: string;
}

export async function buildWorld(forum: TestApp): Promise<World> {
  const [admin, moderator, member, lead, victim] = await Promise.all([
    createUser(forum, 'admin'),
    createUser(forum, 'moderator'),
    createUser(forum),
    createUser(forum),
    createUser(forum),
  ]);
  const open = await createCollaborative(forum, admin, { name: 'Open world collaborative' });
  const secret = await createCollaborative(forum, admin, {
    name: 'Members-only world collaborative',
    visibility: 'members',
  });
  await addMember(forum, admin, open.id, lead, 'lead');
  await addMember(forum, admin, secret.id, lead, 'lead');
  await addMember(forum, admin, open.id, member);
  const request = await forum.http.post(
    `/api/collaboratives/${secret.id}/join-requests`,
    { message: 'Please' },
    { token: victim.accessToken },
  );
  if (request.status !== 201) throw new Error(`join request failed: ${request.status} ${request.text}`);
  return { admin, moderator, member, lead, victim, open, secret, joinRequestId: request.body.id };
}

/** Real ids of things in the world that a caller may act on (never a caller's own account). */
export function targetIds(world: World): string[] {
  return [world.victim.id, world.open.id, world.secret.id, world.joinRequestId];
}

/** A caller whose token is renewed when a route it fuzzed ended its session. */
export class Caller {
  constructor(
    readonly name: string,
    private readonly forum: TestApp,
    readonly user: TestUser | null,
  ) {}

  get token(): string | undefined {
    return this.user?.accessToken;
  }

  async ensureSignedIn(): Promise<void> {
    if (!this.user) return;
    const me = await this.forum.http.get('/api/users/me', { token: this.user.accessToken });
    if (me.status === 200) return;
    const tokens = await signIn(this.forum.http, this.user.email, this.user.password);
    Object.assign(this.user, { accessToken: tokens.accessToken, refreshCookie: tokens.refreshCookie });
  }
}
