import { randomBytes } from 'node:crypto';

import { plainToInstance } from 'class-transformer';

import { RegisterDto } from '../../src/users/dto/register.dto.js';
import type { Role } from '../../src/users/user.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import { refreshCookieFrom } from '../support/cookies.js';
import type { HttpClient } from '../support/http.js';
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

/** Registers through the API and signs in; other roles are granted as the admin CLI does. */
export async function createUser(
  forum: TestApp,
  role: Role = 'member',
  overrides: Record<string, unknown> = {},
): Promise<TestUser> {
  const registration = registrationFor(overrides);
  if (role === 'member') {
    const response = await forum.http.post('/api/auth/register', registration);
    if (response.status !== 201) throw new Error(`register failed: ${response.status} ${response.text}`);
  } else {
    await forum.app.get(UsersService).register(plainToInstance(RegisterDto, registration), role);
  }
  const tokens = await signIn(forum.http, registration.email, registration.password);
  return { id: tokens.user.id, email: registration.email, password: registration.password, role, ...tokens };
}
