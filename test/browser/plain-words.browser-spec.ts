import { describe, expect, test } from '@jest/globals';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { signIn as signInThroughApi } from '../factories/user.factory.js';
import { HttpClient } from '../support/http.js';
import { browserSuite } from './support/browser-suite.js';
import { errorSummaryShown, heading, registerMember, signIn } from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

const COLLABORATIVE = 'Greater Manchester acute provider collaborative';

/** Words a person should never meet on a page: parser messages, ids, timestamps, Markdown. */
const INTERNAL = /uuid is expected|Validation failed|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\*\*/;

describe('words people read, in a browser', () => {
  const suite = browserSuite();

  test('pages are in British English, and every page’s footer leads to help', async () => {
    const page = await suite.newPage();
    await page.goto('/sign-in');
    await heading(page, 'Sign in');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en-GB');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Help using the forum' }).click();
    await heading(page, 'Help using the forum');
    await reviewPage(page, 'help');
  });

  test('a mistyped link shows "Page not found", not a parser’s message', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.goto('/threads/3f2b8c1e-5d4a-4e6f-9a7b');
    await heading(page, 'Page not found');
    expect(await page.getByRole('main').innerText()).not.toMatch(INTERNAL);
    await reviewPage(page, 'thread-bad-link');
  });

  test('Markdown shows as words on directory cards and in search; threads say which collaborative they are in', async () => {
    const member = await registerMember(suite.url);
    const http = new HttpClient(suite.url);
    const token = (await signInThroughApi(http, member.email, member.password)).accessToken;
    const collaborative = await http.get('/api/collaboratives/greater-manchester-acute', { token });
    await http.put(`/api/collaboratives/${collaborative.body.id}/follow`, undefined, { token });
    const thread = await http.post(
      `/api/collaboratives/${collaborative.body.id}/threads`,
      { title: 'Who runs a hospital at home service?', body: 'We run a **zeppelin ward** for frail patients.' },
      { token },
    );
    expect(thread.status).toBe(201);

    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    const feedItem = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Who runs a hospital at home' });
    await feedItem.getByRole('link', { name: COLLABORATIVE }).waitFor();

    await page.goto('/collaboratives');
    await heading(page, 'Collaboratives');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: COLLABORATIVE }) });
    expect(await card.innerText()).toContain('working as one on elective recovery, shared diagnostic');
    expect(await card.innerText()).not.toMatch(INTERNAL);

    await page.goto('/search?q=zeppelin&type=all');
    const results = page.getByRole('list', { name: 'Results' });
    const hit = results.getByRole('listitem').first();
    await hit.waitFor();
    expect(await hit.innerText()).toContain('zeppelin ward for frail patients');
    expect(await hit.innerText()).not.toMatch(INTERNAL);
    await hit.getByRole('link', { name: COLLABORATIVE }).waitFor();
    await reviewPage(page, 'search-plain-words');

    await page.goto(`/threads/${thread.body.id}`);
    await heading(page, 'Who runs a hospital at home service?');
    await page.getByTestId('thread-collaborative').getByRole('link', { name: COLLABORATIVE }).waitFor();
  });

  test('the account page shows no code-styled id', async () => {
    const page = await suite.newPage();
    await signIn(page, 'david.mensah@example.nhs.uk', DEMO_PASSWORD);
    await page.goto('/account');
    await heading(page, 'Your account');
    expect(await page.getByRole('main').locator('code').count()).toBe(0);
    await reviewPage(page, 'account-plain');
  });

  test('a suspended person is told until when in words, on UK time', async () => {
    const member = await registerMember(suite.url);
    const http = new HttpClient(suite.url);
    const admin = (await signInThroughApi(http, 'admin@example.nhs.uk', DEMO_PASSWORD)).accessToken;
    // Midday UTC in winter is 12:00 in London; the day after tomorrow keeps it in the future.
    const until = new Date(Date.now() + 2 * 86_400_000);
    until.setUTCHours(12, 0, 0, 0);
    const suspended = await http.post(
      `/api/users/${member.id}/suspend`,
      { reason: 'A cooling-off period', until: until.toISOString() },
      { token: admin },
    );
    expect(suspended.status).toBe(200);
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(until);
    const hour = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/London',
    }).format(until);

    const page = await suite.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const said = (await errorSummaryShown(page)).join(' ');
    expect(said).toContain(`Your account is suspended until ${day}, ${hour}: A cooling-off period`);
    expect(said).not.toMatch(INTERNAL);
  });
});
