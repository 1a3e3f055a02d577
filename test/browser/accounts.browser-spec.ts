import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { HttpClient } from '../support/http.js';
import { confirmationCodeFromMailbox, readMailbox } from '../support/mailbox.js';
import { browserSuite } from './support/browser-suite.js';
import {
  errorSummaryShown,
  fieldError,
  focused,
  heading,
  registerMember,
  signIn,
  waitUntil,
} from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

const SARAH = 'sarah.whitfield@example.nhs.uk';

/** Everything the registration form asks, answered as Nia would. */
async function fillRegistration(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Work email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Full name').fill('Nia Okoro');
  await page.getByLabel('Organisation').fill('Leeds Teaching Hospitals NHS Trust');
  await page.getByLabel('Job title').fill('Director of Operations');
  await page.getByLabel('Acute').check();
}

describe('registering and signing in, in a browser', () => {
  const suite = browserSuite();
  const http = () => new HttpClient(suite.url);

  test('a newcomer registers, guided by the error summary to each field that needs fixing', async () => {
    const page = await suite.newPage();
    await page.goto('/');
    await heading(page, 'Collaboratives Forum');
    await reviewPage(page, 'welcome');

    await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
    await heading(page, 'Create an account');
    await reviewPage(page, 'register');

    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await errorSummaryShown(page)).toEqual([
      'Enter your work email address',
      'Enter a password',
      'Enter your full name',
      'Enter the organisation you work for',
      'Enter your job title',
      'Select the sector your organisation works in',
    ]);
    expect(await page.title()).toBe('Error: Create an account – Collaboratives Forum');
    expect(await fieldError(page, 'displayName')).toBe('Enter your full name');
    await reviewPage(page, 'register-errors');

    await page.getByRole('link', { name: 'Enter your full name' }).click();
    expect((await focused(page)).id).toBe('displayName');

    const email = `nia.okoro.${Date.now()}@example.nhs.uk`;
    await fillRegistration(page, email, 'too-short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The API refuses the password; its words appear in the summary and on the field.
    await page.getByText('The password must have at least 12 characters').first().waitFor();
    expect(await errorSummaryShown(page)).toEqual(['The password must have at least 12 characters']);
    expect(await fieldError(page, 'password')).toBe('The password must have at least 12 characters');
    expect(await fieldError(page, 'displayName')).toBe('');

    await page.getByLabel('Password', { exact: true }).fill('seven-purple-lanterns-drift');
    await page.getByRole('button', { name: 'Create account' }).click();
    // No way in until the address is confirmed: the code comes by email.
    await heading(page, 'Confirm your email address');
    expect(await page.getByLabel('Email address', { exact: true }).inputValue()).toBe(email);
    await reviewPage(page, 'confirm-address');
    await page.getByLabel('Code', { exact: true }).fill(await confirmationCodeFromMailbox(http(), email));
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await heading(page, 'Home');
    await page.getByText('Welcome to the forum, Nia Okoro').waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Nia Okoro' }).waitFor();
    await reviewPage(page, 'home');

    // Registering again with the same address answers as a first registration does: the
    // page tells nobody which addresses have accounts (the owner is emailed instead).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    await page.goto('/register');
    await fillRegistration(page, email, 'another-long-unusual-phrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading(page, 'Confirm your email address');
    await readMailbox(http(), email, 'Someone tried to register with your email address');
  });

  test('a forgotten password: a code by email, a new password, and signed out everywhere', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password');
    await reviewPage(page, 'forgot-password');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByRole('button', { name: 'Send a reset code' }).click();
    await heading(page, 'Choose a new password');
    await page.getByText(`If ${member.email} has an account here`).waitFor();
    const reset = await readMailbox(http(), member.email, 'Reset your password');
    await page.getByLabel('Code', { exact: true }).fill(/\b(\d{6})\b/.exec(reset.text)![1]!);
    await page.getByLabel('New password').fill('eleven-quiet-harbours-glow');
    await page.getByRole('button', { name: 'Change password' }).click();
    await heading(page, 'Sign in');
    await page.getByText('Your password has been changed').waitFor();
    await signIn(page, member.email, 'eleven-quiet-harbours-glow');
  });

  test('a wrong password is explained; the right one opens the forum, and a reload stays signed in', async () => {
    const page = await suite.newPage();
    await page.goto('/sign-in');
    await heading(page, 'Sign in');
    await reviewPage(page, 'sign-in');
    await page.getByLabel('Email address').fill(SARAH);
    await page.getByLabel('Password', { exact: true }).fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await errorSummaryShown(page)).toEqual(['The email address or password is not correct']);
    await reviewPage(page, 'sign-in-errors');

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Home');

    // Nothing a script can read holds a token: the access token lives in memory, the refresh
    // token in an HttpOnly cookie sent only to the API's sign-in routes.
    expect(
      await page.evaluate('({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie })'),
    ).toEqual({ local: 0, session: 0, cookies: '' });
    expect(await page.context().cookies()).toEqual([
      expect.objectContaining({
        name: 'forum_refresh',
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'Strict',
        secure: false,
      }),
    ]);

    await page.reload();
    await heading(page, 'Home');
    await page.getByRole('banner').getByRole('link', { name: 'Sarah Whitfield' }).waitFor();
  });

  test('signing out forgets the session; a signed-out visit to a page asks to sign in, then returns there', async () => {
    const page = await suite.newPage();
    await signIn(page, SARAH, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    await page.getByText('You have signed out').waitFor();
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(await page.context().cookies()).toEqual([]);

    await page.goto('/account/sessions');
    await heading(page, 'Sign in');
    expect(new URL(page.url()).search).toBe('?next=%2Faccount%2Fsessions');
    await page.getByLabel('Email address').fill(SARAH);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Devices signed in to your account');
  });

  test('two tabs: the second is signed in by the cookie, both refresh at once without ending the session, and signing out in one signs out both', async () => {
    const first = await suite.newPage();
    await signIn(first, SARAH, DEMO_PASSWORD);
    const second = await suite.tabBeside(first);
    await second.goto('/account');
    await heading(second, 'Your account');

    // Both tabs' access tokens are refused at once: each refreshes, in turn, with the cookie the
    // other was given. Sent together, the second would replay the first's cookie and end the session.
    for (const tab of [first, second]) {
      let rejected = false;
      await tab.route('**/api/auth/sessions', async (route) => {
        if (rejected) return route.fallback();
        rejected = true;
        await route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: '/problems/unauthorized',
            title: 'Not signed in',
            status: 401,
            detail: 'The access token has expired.',
          }),
        });
      });
    }
    await Promise.all([first.goto('/account/sessions'), second.goto('/account/sessions')]);
    await Promise.all([first.getByText('This device').waitFor(), second.getByText('This device').waitFor()]);
    await first.reload();
    await heading(first, 'Devices signed in to your account');

    await second.getByRole('button', { name: 'Sign out', exact: true }).click();
    await heading(second, 'Sign in');
    // The other tab hears of it without a reload.
    await heading(first, 'Sign in');
  });

  test('keyboard only: skip link, each field in turn with a visible focus, and sign in', async () => {
    const page = await suite.newPage();
    await page.goto('/sign-in');
    await heading(page, 'Sign in');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Skip to main content', visible: true });
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('maincontent');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'email', visible: true });
    await page.keyboard.type(SARAH);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'password', visible: true });
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Show', visible: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Sign in', visible: true });
    await page.keyboard.press('Enter');

    await heading(page, 'Home');
    // The new page's heading takes focus, so a screen reader announces where we are.
    await waitUntil(page, 'document.activeElement?.tagName === "H1"');
  });

  test('an access token the API rejects is refreshed once, transparently, and the call retried', async () => {
    const page = await suite.newPage();
    await signIn(page, SARAH, DEMO_PASSWORD);
    const calls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      // Other pages' calls (the feed, the unread count) may still be on their way: only sign-in ones count here.
      if (path.startsWith('/api/auth/')) calls.push(`${request.method()} ${path}`);
    });
    let rejected = false;
    await page.route('**/api/auth/sessions', async (route) => {
      if (rejected) return route.fallback();
      rejected = true;
      await route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: '/problems/unauthorized',
          title: 'Not signed in',
          status: 401,
          detail: 'The access token has expired.',
        }),
      });
    });

    await page.getByRole('banner').getByRole('link', { name: 'Sarah Whitfield' }).click();
    await heading(page, 'Your account');
    await page.getByRole('link', { name: 'Devices signed in to your account' }).click();
    await page.getByText('This device').waitFor();
    expect(calls).toEqual(['GET /api/auth/sessions', 'POST /api/auth/refresh', 'GET /api/auth/sessions']);
  });

  test('the production build serves no source maps', async () => {
    const shell = await (await fetch(suite.url)).text();
    const scripts = [...shell.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await (await fetch(new URL(script, suite.url))).text();
      expect(code).not.toContain('sourceMappingURL');
      expect((await fetch(new URL(`${script}.map`, suite.url))).status).toBe(404);
    }
  });

  test('every section is reachable from the navigation (notifications from the header); unknown pages say not found', async () => {
    const page = await suite.newPage();
    await signIn(page, SARAH, DEMO_PASSWORD);
    for (const [link, title] of [
      ['Collaboratives', 'Collaboratives'],
      ['Practices', 'Best practice'],
      ['Search', 'Search'],
    ]) {
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: link }).click();
      await heading(page, title);
      await reviewPage(page, `section-${link.toLowerCase()}`);
    }
    await page
      .getByRole('navigation', { name: 'Account' })
      .getByRole('link', { name: /^Notifications/ })
      .click();
    await heading(page, 'Notifications');
    await page.goto('/no-such-page');
    await heading(page, 'Page not found');
    await reviewPage(page, 'not-found');
  });
});
