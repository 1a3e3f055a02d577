import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { isReservedName } from '../src/users/reserved-names.js';
import {
  confirmAddress,
  createUser,
  registrationFor,
  signIn,
  TEST_PASSWORD,
  type TestUser,
} from './factories/user.factory.js';
import { withCookie } from './support/cookies.js';
import { readMailbox } from './support/mailbox.js';
import { lastMailTo } from './support/outbox-mail.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('accounts and profiles', () => {
  let forum: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    forum = await startTestApp({ env: { ALLOWED_EMAIL_DOMAINS: 'nhs.net,nhs.uk' } });
    admin = await createUser(forum, 'admin');
  });
  afterAll(() => forum?.close());

  test('registering normalises the email, sends a code, and the code signs in to the new profile', async () => {
    const registration = registrationFor();
    const response = await forum.http.post('/api/auth/register', {
      ...registration,
      email: `  ${registration.email.toUpperCase()} `,
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ email: registration.email, detail: expect.stringContaining(registration.email) });
    const signedIn = await confirmAddress(forum, registration.email);
    expect(signedIn.user).toMatchObject({
      email: registration.email,
      role: 'member',
      status: 'active',
      sector: 'acute',
    });
    expect(JSON.stringify(signedIn.user)).not.toMatch(/password|hash/i);
  });

  test('a new account cannot sign in before its address is confirmed', async () => {
    const registration = registrationFor();
    await forum.http.post('/api/auth/register', registration);
    const refused = await forum.http.post('/api/auth/login', { email: registration.email, password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      type: '/problems/address-not-confirmed',
      detail: expect.stringContaining(`we have sent a code to ${registration.email}`),
    });
    // The sign-in sent a second code, which replaced the first.
    await readMailbox(forum.http, registration.email, 'Confirm your email address', 2);
    await confirmAddress(forum, registration.email);
    await signIn(forum.http, registration.email);
  });

  test('registering a taken address answers as a new registration does, and emails its owner instead', async () => {
    const owner = await createUser(forum);
    const fresh = registrationFor();
    const forNew = await forum.http.post('/api/auth/register', fresh);
    const forTaken = await forum.http.post('/api/auth/register', {
      ...registrationFor(),
      email: owner.email.toUpperCase(),
    });
    expect(forTaken.status).toBe(forNew.status);
    expect(forTaken.body).toEqual({ email: owner.email, detail: forNew.body.detail.replace(fresh.email, owner.email) });
    expect(await lastMailTo(forum, owner.email, 'registration-attempt')).toMatchObject({
      resetLink: expect.stringMatching(/\/forgot-password$/),
    });
    // The owner's account is untouched: same password, same name.
    expect((await signIn(forum.http, owner.email)).user.id).toBe(owner.id);
  });

  test('a subdomain of an allowed domain may register; another domain gets 422 with the reason', async () => {
    expect((await forum.http.post('/api/auth/register', registrationFor({ email: 'coo@mft.nhs.uk' }))).status).toBe(
      202,
    );
    const refused = await forum.http.post('/api/auth/register', registrationFor({ email: 'someone@gmail.com' }));
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('nhs.net, nhs.uk');
    const lookalike = await forum.http.post('/api/auth/register', registrationFor({ email: 'someone@fakenhs.net' }));
    expect(lookalike.status).toBe(422);
  });

  test('ten people with one name registering at once all get accounts, each with its own handle', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        forum.http.post('/api/auth/register', registrationFor({ displayName: 'Jane Concurrent' })),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(202));
    const people = await Promise.all(answers.map((answer) => confirmAddress(forum, answer.body.email)));
    expect(new Set(people.map((person) => person.user.handle)).size).toBe(10);
  });

  test.each([
    ['too short', 'Short-pass1', /at least 12 characters/],
    ['common', 'Password1234', /too common/],
    ['the email itself', '', /must not be your email/],
    ['one repeated character', 'zzzzzzzzzzzzzzzz', /too common/],
  ])('a weak password (%s) is refused on the password field', async (_label, password, message) => {
    const registration = registrationFor();
    const response = await forum.http.post('/api/auth/register', {
      ...registration,
      password: password || registration.email,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(message) }]);
  });

  test('invalid fields are all reported, each on its field', async () => {
    const response = await forum.http.post('/api/auth/register', {
      email: 'not-an-email',
      password: 5,
      sector: 'dentistry',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['email', 'password', 'displayName', 'organisation', 'jobTitle', 'sector']),
    );
  });

  test.each([
    ['role', 'admin'],
    ['id', '00000000-0000-4000-8000-000000000000'],
    ['status', 'active'],
    ['createdAt', '2020-01-01'],
  ])('a body that sets %s is refused and nothing is created', async (field, value) => {
    const registration = registrationFor();
    const response = await forum.http.post('/api/auth/register', { ...registration, [field]: value });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field, message: `property ${field} should not exist` }]);
    expect(
      (await forum.http.post('/api/auth/login', { email: registration.email, password: TEST_PASSWORD })).status,
    ).toBe(401);
  });

  test('a member edits their own profile but cannot set their role or status', async () => {
    const member = await createUser(forum);
    const updated = await forum.http.patch(
      '/api/users/me',
      { bio: 'Leads elective recovery', jobTitle: 'COO' },
      { token: member.accessToken },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ bio: 'Leads elective recovery', jobTitle: 'COO' });
    for (const field of ['role', 'status', 'email', 'id']) {
      const refused = await forum.http.patch('/api/users/me', { [field]: 'admin' }, { token: member.accessToken });
      expect(refused.status).toBe(400);
    }
    expect((await forum.http.get('/api/users/me', { token: member.accessToken })).body.role).toBe('member');
  });

  test("another person's profile has no email, except for an admin", async () => {
    const member = await createUser(forum);
    const other = await createUser(forum);
    const seen = await forum.http.get(`/api/users/${member.id}`, { token: other.accessToken });
    expect(seen.status).toBe(200);
    expect(seen.body.email).toBeUndefined();
    expect(seen.body.displayName).toBeDefined();
    expect((await forum.http.get(`/api/users/${member.id}`, { token: member.accessToken })).body.email).toBe(
      member.email,
    );
    expect((await forum.http.get(`/api/users/${member.id}`, { token: admin.accessToken })).body.email).toBe(
      member.email,
    );
    expect((await forum.http.get('/api/users/not-a-uuid', { token: member.accessToken })).status).toBe(400);
    expect(
      (await forum.http.get('/api/users/00000000-0000-4000-8000-000000000000', { token: member.accessToken })).status,
    ).toBe(404);
  });

  test('only an admin changes roles, and the new role counts at once', async () => {
    const member = await createUser(forum);
    const moderator = await createUser(forum, 'moderator');
    const target = await createUser(forum);
    for (const caller of [member, moderator, target]) {
      const refused = await forum.http.patch(
        `/api/admin/users/${target.id}/role`,
        { role: 'admin' },
        { token: caller.accessToken },
      );
      expect(refused.status).toBe(403);
    }
    const changed = await forum.http.patch(
      `/api/admin/users/${target.id}/role`,
      { role: 'moderator' },
      { token: admin.accessToken },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('moderator');
    expect(
      (await forum.http.patch(`/api/admin/users/${target.id}/role`, { role: 'king' }, { token: admin.accessToken }))
        .status,
    ).toBe(400);
    // The access token issued before still says member; the database decides.
    const stillRefused = await forum.http.patch(
      `/api/admin/users/${member.id}/role`,
      { role: 'admin' },
      { token: target.accessToken },
    );
    expect(stillRefused.status).toBe(403);
    expect(stillRefused.body.detail).toBe('Only admin users can do this.');
  });

  test('the last admin cannot give up the role; with a second admin either may', async () => {
    const setRole = (id: string, role: string, caller: TestUser) =>
      forum.http.patch(`/api/admin/users/${id}/role`, { role }, { token: caller.accessToken });
    const alone = await setRole(admin.id, 'member', admin);
    expect(alone.status).toBe(409);
    expect(alone.body.detail).toBe('This is the only admin. Make someone else an admin first.');
    expect((await forum.http.get('/api/users/me', { token: admin.accessToken })).body.role).toBe('admin');

    const second = await createUser(forum);
    expect((await setRole(second.id, 'admin', admin)).status).toBe(200);
    expect((await setRole(second.id, 'member', admin)).status).toBe(200);
    expect((await forum.http.get('/api/admin/users?role=admin', { token: admin.accessToken })).body.items).toHaveLength(
      1,
    );
  });

  test('changing the password needs the current one and ends every other session', async () => {
    const member = await createUser(forum);
    const laptop = await signIn(forum.http, member.email);
    const wrong = await forum.http.post(
      '/api/auth/password',
      { currentPassword: 'not-my-password-at-all', newPassword: 'a-brand-new-passphrase' },
      { token: member.accessToken },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    const weak = await forum.http.post(
      '/api/auth/password',
      { currentPassword: member.password, newPassword: 'password1234' },
      { token: member.accessToken },
    );
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('newPassword');

    const changed = await forum.http.post(
      '/api/auth/password',
      { currentPassword: member.password, newPassword: 'a-brand-new-passphrase' },
      { token: member.accessToken },
    );
    expect(changed.status).toBe(204);
    expect((await forum.http.get('/api/users/me', { token: member.accessToken })).status).toBe(200);
    expect((await forum.http.get('/api/users/me', { token: laptop.accessToken })).status).toBe(401);
    expect((await forum.http.post('/api/auth/refresh', undefined, withCookie(laptop.refreshCookie))).status).toBe(401);
    expect((await forum.http.post('/api/auth/login', { email: member.email, password: member.password })).status).toBe(
      401,
    );
    expect(
      (await forum.http.post('/api/auth/login', { email: member.email, password: 'a-brand-new-passphrase' })).status,
    ).toBe(200);
  });

  test('the OpenAPI document shows the account routes with their schemas and bearer security', async () => {
    const document = (await forum.http.get('/docs/openapi.json')).body;
    expect(document.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.$ref).toContain(
      'RegisterDto',
    );
    expect(document.paths['/api/auth/login'].post.responses['200']).toBeDefined();
    expect(document.paths['/api/users/me'].get.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/admin/users/{id}/role'].patch.responses['403']).toBeDefined();
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('admin user list', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp();
  });
  afterAll(() => forum?.close());

  test('admins page through everyone and search; nobody else may', async () => {
    const admin = await createUser(forum, 'admin');
    const member = await createUser(forum, 'member', {
      displayName: 'Findable Person',
      organisation: 'Wye Valley NHS Trust',
    });
    await Promise.all(Array.from({ length: 6 }, () => createUser(forum)));
    expect((await forum.http.get('/api/admin/users', { token: member.accessToken })).status).toBe(403);
    const found = await forum.http.get('/api/admin/users?query=wye%20valley', { token: admin.accessToken });
    expect(found.body.items.map((user: { id: string }) => user.id)).toEqual([member.id]);
    expect(found.body.items[0].email).toBe(member.email);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await forum.http.get(
        `/api/admin/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin.accessToken },
      );
      seen.push(...page.body.items.map((user) => user.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect((await forum.http.get('/api/admin/users?role=admin', { token: admin.accessToken })).body.items).toHaveLength(
      1,
    );
  });
});

describe('the last admin', () => {
  let forum: TestApp;
  beforeAll(async () => {
    forum = await startTestApp();
  });
  afterAll(() => forum?.close());

  test('two admins demoting each other at the same moment: one of them stays admin', async () => {
    const [first, second] = await Promise.all([createUser(forum, 'admin'), createUser(forum, 'admin')]);
    const demote = (target: TestUser, caller: TestUser) =>
      forum.http.patch(`/api/admin/users/${target.id}/role`, { role: 'member' }, { token: caller.accessToken });
    const both = await Promise.all([demote(second, first), demote(first, second)]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 409]);
    const survivor = both[0]!.status === 200 ? first : second;
    const admins = await forum.http.get('/api/admin/users?role=admin', { token: survivor.accessToken });
    expect(admins.body.items.map((user: { id: string }) => user.id)).toEqual([survivor.id]);
  });
});

describe('names that pose as staff or as the forum', () => {
  let forum: TestApp;
  let admin: TestUser;
  const STAFF_NAME = /staff title or the forum's name/;
  const me = (user: TestUser) => forum.http.get('/api/users/me', { token: user.accessToken });
  const grant = (id: string, body: Record<string, unknown>, caller = admin) =>
    forum.http.patch(`/api/admin/users/${id}/profile`, body, { token: caller.accessToken });

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
  });
  afterAll(() => forum?.close());

  test.each([
    ['handle', 'moderator'],
    ['displayName', 'Site Administrator'],
    ['handle', 'Adm1n'],
    ['displayName', 'mod_erator'],
    ['handle', 'support-team'],
    ['displayName', 'Collaboratives Forum'],
  ])('a member may not take the %s %s: 400 on that field, and nothing changes', async (field, value) => {
    const member = await createUser(forum);
    const before = (await me(member)).body;
    const refused = await forum.http.patch(
      '/api/users/me',
      { [field]: value, bio: 'Leads urgent care' },
      { token: member.accessToken },
    );
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([{ field, message: expect.stringMatching(STAFF_NAME) }]);
    expect((await me(member)).body).toEqual(before);
  });

  test('registering as "Forum Moderator" is refused on displayName and creates nothing; "Admin Smith" is a person', async () => {
    const posing = registrationFor({ displayName: 'Forum Moderator' });
    const refused = await forum.http.post('/api/auth/register', posing);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'displayName', message: expect.stringMatching(STAFF_NAME) }]);
    expect((await forum.http.post('/api/auth/login', { email: posing.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );

    const person = await forum.http.post('/api/auth/register', registrationFor({ displayName: 'Admin Smith' }));
    expect(person.status).toBe(202);
    expect((await confirmAddress(forum, person.body.email)).user).toMatchObject({
      displayName: 'Admin Smith',
      handle: 'admin-smith',
    });
  });

  test("a name that merely contains such a word is a member's own", async () => {
    const member = await createUser(forum);
    const updated = await forum.http.patch(
      '/api/users/me',
      { displayName: 'Modupe Adeyemi', handle: 'admin-smith-2' },
      { token: member.accessToken },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ displayName: 'Modupe Adeyemi', handle: 'admin-smith-2' });
  });

  test('staff may take such names themselves', async () => {
    const moderator = await createUser(forum, 'moderator');
    const updated = await forum.http.patch(
      '/api/users/me',
      { displayName: 'Site Moderator', handle: 'site-moderator' },
      { token: moderator.accessToken },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ displayName: 'Site Moderator', handle: 'site-moderator' });
  });

  test('only an admin grants one, @handle then finds that person, the grant is audited, and they keep it while editing the rest', async () => {
    const member = await createUser(forum);
    const moderator = await createUser(forum, 'moderator');
    for (const caller of [member, moderator])
      expect((await grant(member.id, { handle: 'moderator' }, caller)).status).toBe(403);
    const before = (await me(member)).body;

    const granted = await grant(member.id, { handle: 'Moderator', displayName: 'Site Administrator' });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      id: member.id,
      handle: 'moderator',
      displayName: 'Site Administrator',
      role: 'member',
    });
    expect((await forum.http.get('/api/users/by-handle/moderator', { token: member.accessToken })).body.id).toBe(
      member.id,
    );

    const audit = await forum.http.get(`/api/moderation/audit-log?action=user.profile-change&targetId=${member.id}`, {
      token: admin.accessToken,
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        before: { handle: before.handle, displayName: before.displayName },
        after: { handle: 'moderator', displayName: 'Site Administrator' },
      }),
    ]);

    // The profile form sends every field back: the names they were given are not "taken" again.
    const edited = await forum.http.patch(
      '/api/users/me',
      { handle: 'moderator', displayName: 'Site Administrator', bio: 'Runs the forum desk' },
      { token: member.accessToken },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.bio).toBe('Runs the forum desk');
  });

  test('an admin granting a handle someone has gets 409, and an id that is nobody 404', async () => {
    const [holder, other] = [await createUser(forum), await createUser(forum)];
    expect((await grant(holder.id, { handle: 'helpdesk' })).status).toBe(200);
    const taken = await grant(other.id, { handle: 'HelpDesk' });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe('The handle @helpdesk is taken. Choose another.');
    expect((await grant('00000000-0000-4000-8000-000000000000', { displayName: 'Support' })).status).toBe(404);
  });

  test('admins list the members who already hold such names, a page at a time, as the rule reads them', async () => {
    // Names from before the rule, written straight to the database; the SQL must read them as the TypeScript rule does.
    const names = [
      'S1te  Ádmin',
      'Support\u00a0Team',
      'He1p.desk',
      'NHS England',
      'moderator01',
      'Admin Smith',
      'Modupe Adeyemi',
      'Supporting Lead',
      'Amod Patel',
      '\u0410dmin',
      'M\u041ederator',
    ];
    const sql = forum.app.get(DataSource);
    const holders = new Map<string, string>();
    for (const name of names) {
      const user = await createUser(forum);
      await sql.query('UPDATE users SET display_name = $1 WHERE id = $2', [name, user.id]);
      holders.set(user.id, name);
    }
    const byHandle = await createUser(forum);
    await sql.query(`UPDATE users SET handle = 'mod' WHERE id = $1`, [byHandle.id]);
    const staff = await createUser(forum, 'moderator', { displayName: 'Community Moderator' });

    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } =
        await forum.http.get(
          `/api/admin/users?reservedName=true&role=member&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          { token: admin.accessToken },
        );
      expect(page.status).toBe(200);
      found.push(...page.body.items.map((user) => user.id));
      cursor = page.body.nextCursor;
    } while (cursor);

    const expected = [...holders].filter(([, name]) => isReservedName(name)).map(([id]) => id);
    expect(expected).toHaveLength(7);
    expect(found).toEqual(expect.arrayContaining([...expected, byHandle.id]));
    for (const [id, name] of holders)
      expect({ name, listed: found.includes(id) }).toEqual({ name, listed: isReservedName(name) });
    expect(found).not.toContain(staff.id);
    expect(
      (await forum.http.get('/api/admin/users?reservedName=true', { token: (await createUser(forum)).accessToken }))
        .status,
    ).toBe(403);
    expect(
      (await forum.http.get('/api/admin/users?reservedName=maybe', { token: admin.accessToken })).body.errors,
    ).toEqual([{ field: 'reservedName', message: 'reservedName must be true or false' }]);
  });
});
