import { randomBytes } from 'node:crypto';

import { plainToInstance } from 'class-transformer';

import { RegisterDto } from '../../src/users/dto/register.dto.js';
import type { Role } from '../../src/users/user.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import { refreshCookieFrom } from '../support/cookies.js';
import type { HttpClient } from '../support/http.js';
import { lastMailTo } from '../support/outbox-mail.js';
import type { TestApp } from '../support/test-app.js';

export const TEST_PASSWORD = 'a-long-and-unusual-passphrase';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  accessToken: string;
  /** `forum_refresh=…`, sent back as the Cookie header of a refresh. */
  refreshCookie: string;
}

export function registrationFor(overrides: Record<string, unknown> = {}) {
  const tag = randomBytes(4).toString('hex');
  return {
    email: `leader-${tag}@nhs.net`,
    password: TEST_PASSWORD,
    displayName: `Leader ${tag}`,
    organisation: 'Example NHS Foundation Trust',
    jobTitle: 'Director of Operations',
    sector: 'acute',
    ...overrides,
  };
}

export async function signIn(http: HttpClient, email: string, password = TEST_PASSWORD) {
  const response = await http.post('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  const body = response.body as { accessToken: string; user: { id: string; role: Role } };
  return { ...body, refreshCookie: refreshCookieFrom(response) };
}

/**
 * Confirms the address with the code from the newest confirmation email, as the person would
 * type it, which signs them in. The code is read from the outbox the development mailbox
 * shows, at once: polling GET /api/dev/mailbox until the worker delivers would spend the
 * general request limit of the limit suites and wait behind suites creating a hundred people.
 */
export async function confirmAddress(forum: TestApp, email: string) {
  const mail = await lastMailTo(forum, email, 'address-confirmation');
  if (!mail) throw new Error(`no confirmation email reached ${email}`);
  const response = await forum.http.post('/api/auth/confirm-address', { email, code: mail.code });
  if (response.status !== 200) throw new Error(`confirming ${email} failed: ${response.status} ${response.text}`);
  const body = response.body as { accessToken: string; user: { id: string; role: Role; handle: string } };
  return { ...body, refreshCookie: refreshCookieFrom(response) };
}

/**
 * Registers through the API and confirms the address from the mailbox, which signs the person
 * in; other roles are granted as the admin CLI does, and confirm at their first sign-in.
 */
export async function createUser(
  forum: TestApp,
  role: Role = 'member',
  overrides: Record<string, unknown> = {},
): Promise<TestUser> {
  const registration = registrationFor(overrides);
  if (role === 'member') {
    const response = await forum.http.post('/api/auth/register', registration);
    if (response.status !== 202) throw new Error(`register failed: ${response.status} ${response.text}`);
  } else {
    await forum.app.get(UsersService).register(plainToInstance(RegisterDto, registration), role);
    const first = await forum.http.post('/api/auth/login', {
      email: registration.email,
      password: registration.password,
    });
    if (first.status !== 403) throw new Error(`first sign-in did not ask for a code: ${first.status} ${first.text}`);
  }
  const tokens = await confirmAddress(forum, registration.email as string);
  return { id: tokens.user.id, email: registration.email, password: registration.password, role, ...tokens };
}

/** A new person's emailed password reset code, for routes that need a valid one. */
export async function resetCode(forum: TestApp): Promise<{ email: string; code: string }> {
  const person = await createUser(forum);
  const asked = await forum.http.post('/api/auth/password-reset', { email: person.email });
  if (asked.status !== 202) throw new Error(`password reset failed: ${asked.status} ${asked.text}`);
  return { email: person.email, code: (await lastMailTo(forum, person.email, 'password-reset'))!.code! };
}

/** A new registration's emailed confirmation code, for routes that need a valid one. */
export async function confirmationCode(forum: TestApp): Promise<{ email: string; code: string }> {
  const registration = registrationFor();
  const response = await forum.http.post('/api/auth/register', registration);
  if (response.status !== 202) throw new Error(`register failed: ${response.status} ${response.text}`);
  return {
    email: registration.email,
    code: (await lastMailTo(forum, registration.email, 'address-confirmation'))!.code!,
  };
}
