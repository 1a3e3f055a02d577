import { describe, expect, test } from '@jest/globals';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { browserSuite } from './support/browser-suite.js';
import { errorSummaryShown, heading, registerMember, signIn } from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

describe('role management, in a browser', () => {
  const suite = browserSuite();

  test('an admin finds a member by ID and makes them a moderator, which the member then sees', async () => {
    const member = await registerMember(suite.url);
    const admin = await suite.newPage();
    await signIn(admin, 'admin@example.nhs.uk', DEMO_PASSWORD);
    await admin.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).click();
    await heading(admin, 'Manage member roles');
    await reviewPage(admin, 'admin-roles');

    await admin.getByLabel('Member ID').fill('not-an-id');
    await admin.getByRole('button', { name: 'Find member' }).click();
    expect(await errorSummaryShown(admin)).toEqual(['Enter a member ID like 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b']);

    await admin.getByLabel('Member ID').fill(member.id);
    await admin.getByRole('button', { name: 'Find member' }).click();
    await admin.getByRole('heading', { level: 2, name: member.displayName }).waitFor();
    expect(await admin.getByLabel('Member', { exact: true }).isChecked()).toBe(true);
    await reviewPage(admin, 'admin-member');

    await admin.getByLabel('Moderator').check();
    await admin.getByRole('button', { name: 'Save role' }).click();
    await admin.getByText(`${member.displayName}'s role is now Moderator`).waitFor();

    const moderator = await suite.newPage();
    await signIn(moderator, member.email, member.password);
    await moderator.goto('/account');
    await heading(moderator, 'Your account');
    await moderator.locator('.nhsuk-tag', { hasText: 'Moderator' }).waitFor();
  });

  test('an ID nobody has is reported as such', async () => {
    const admin = await suite.newPage();
    await signIn(admin, 'admin@example.nhs.uk', DEMO_PASSWORD);
    await admin.goto('/admin/users?id=00000000-0000-4000-8000-000000000000');
    await heading(admin, 'Manage member roles');
    await admin.getByText('No member has this ID. Check it and try again.').waitFor();
  });

  test('a member has no admin link and cannot open role management', async () => {
    const page = await suite.newPage();
    await signIn(page, 'sarah.whitfield@example.nhs.uk', DEMO_PASSWORD);
    expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto('/admin/users');
    await heading(page, 'You cannot open this page');
    await reviewPage(page, 'not-allowed');
  });
});
