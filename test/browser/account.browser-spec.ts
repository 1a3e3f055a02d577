import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';

import { browserSuite } from './support/browser-suite.js';
import {
  errorSummaryShown,
  fieldError,
  heading,
  type Member,
  registerMember,
  signIn,
  sticksOut,
} from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

/** The value beside a key in an NHS.UK summary list. */
function summaryValue(page: Page, key: string) {
  return page
    .locator('.nhsuk-summary-list__row', { has: page.locator('.nhsuk-summary-list__key', { hasText: key }) })
    .locator('.nhsuk-summary-list__value')
    .innerText();
}

async function openSessions(page: Page): Promise<void> {
  await page.goto('/account/sessions');
  await heading(page, 'Devices signed in to your account');
  await page.getByText('This device').waitFor();
}

describe('your account, in a browser', () => {
  const suite = browserSuite();

  test('editing the profile: errors on the field, then the account page shows the change and it survives a reload', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.getByRole('banner').getByRole('link', { name: member.displayName }).click();
    await heading(page, 'Your account');
    await reviewPage(page, 'account');

    await page.getByRole('link', { name: 'Change organisation' }).click();
    await heading(page, 'Change your profile');
    await reviewPage(page, 'account-profile');
    await page.getByLabel('Organisation').fill('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    expect(await errorSummaryShown(page)).toEqual(['Enter the organisation you work for']);
    expect(await fieldError(page, 'organisation')).toBe('Enter the organisation you work for');

    await page.getByLabel('Organisation').fill('Sussex Community NHS Foundation Trust');
    await page.getByLabel('Community').check();
    await page.getByLabel('About you (optional)').fill('Leading the virtual wards programme across Sussex.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await heading(page, 'Your account');
    await page.getByText('Your profile has been updated').waitFor();
    expect(await summaryValue(page, 'Organisation')).toBe('Sussex Community NHS Foundation Trust');
    expect(await summaryValue(page, 'Sector')).toBe('Community');

    await page.reload();
    await heading(page, 'Your account');
    expect(await summaryValue(page, 'About you')).toBe('Leading the virtual wards programme across Sussex.');
  });

  test('changing the password: a wrong current password is refused on its field; the new one then signs in', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.goto('/account/password');
    await heading(page, 'Change your password');
    await reviewPage(page, 'account-password');

    await page.getByLabel('Current password').fill('not-the-current-one');
    await page.getByLabel('New password').fill('quiet-harbour-lamps-at-dawn');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await errorSummaryShown(page)).toEqual(['The current password is not correct']);
    expect(await fieldError(page, 'currentPassword')).toBe('The current password is not correct');

    await page.getByLabel('Current password').fill(member.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await heading(page, 'Your account');
    await page.getByText('Your password has been changed').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    await signIn(page, member.email, 'quiet-harbour-lamps-at-dawn');
  });

  test('sessions: sign out another device, which then has to sign in again; then sign out everywhere', async () => {
    const member: Member = await registerMember(suite.url);
    const laptop = await suite.newPage();
    const phone = await suite.newPage();
    await signIn(laptop, member.email, member.password);
    await signIn(phone, member.email, member.password);

    await openSessions(laptop);
    expect(await laptop.getByRole('row').count()).toBe(3); // the header row and two devices
    await reviewPage(laptop, 'account-sessions');
    const otherDevice = laptop.getByRole('button', { name: /^Sign out Chrome on Linux/ });
    await otherDevice.click();
    await laptop.getByText('Chrome on Linux has been signed out').waitFor();
    await otherDevice.waitFor({ state: 'detached' }); // the list reloads after the banner shows
    expect(await laptop.getByRole('row').count()).toBe(2);

    // The phone's refresh cookie no longer works: a reload lands on sign-in.
    await phone.goto('/account');
    await heading(phone, 'Sign in');

    await signIn(phone, member.email, member.password);
    await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
    await heading(laptop, 'Sign in');
    await laptop.getByText('You have been signed out on every device').waitFor();
    expect(await laptop.evaluate('localStorage.length')).toBe(0);

    // Without a reload: the server closes the phone's live connection, its refresh is refused, and it shows the signed-out home page.
    await phone.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await heading(phone, 'Collaboratives Forum');
  });

  test('at 320 px wide every account page fits without sideways scrolling', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage({ width: 320, height: 640 });
    await signIn(page, member.email, member.password);
    for (const [path, title, name] of [
      ['/', 'Home', 'home-320'],
      ['/account', 'Your account', 'account-320'],
      ['/account/profile', 'Change your profile', 'account-profile-320'],
      ['/account/sessions', 'Devices signed in to your account', 'account-sessions-320'],
    ]) {
      await page.goto(path);
      await heading(page, title);
      expect({ path, sticking: await sticksOut(page) }).toEqual({ path, sticking: [] });
      await reviewPage(page, name);
    }
  });
});
