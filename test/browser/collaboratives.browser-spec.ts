import { describe, expect, test } from '@jest/globals';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { browserSuite } from './support/browser-suite.js';
import { errorSummaryShown, heading, registerMember, signIn, sticksOut } from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

describe('collaboratives, in a browser', () => {
  const suite = browserSuite();

  test('the directory: search and filter, then follow one and choose how much it notifies', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Collaboratives' }).click();
    await heading(page, 'Collaboratives');
    const results = page.getByRole('list', { name: 'Collaboratives' }).getByRole('heading', { level: 2 });
    await results.first().waitFor();
    await reviewPage(page, 'collaboratives');

    await page.getByLabel('Type').selectOption('ambulance');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Showing 1', { exact: true }).waitFor();
    expect(await results.allInnerTexts()).toEqual([expect.stringMatching(/ambulance/i)]);

    await page.getByLabel('Type').selectOption('');
    await page.getByLabel('Region').selectOption('North West');
    await page.getByLabel('Search collaboratives').fill('diagnostic');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/region=North\+West/);
    // "Showing 1" is already on the page from the previous search: wait for the new result itself.
    await results.getByText('Greater Manchester acute provider collaborative').waitFor();
    await page.getByText('Showing 1', { exact: true }).waitFor();
    expect(await results.allInnerTexts()).toEqual(['Greater Manchester acute provider collaborative']);

    await results.getByRole('link').click();
    await heading(page, 'Greater Manchester acute provider collaborative');
    await reviewPage(page, 'collaborative');
    await page.getByRole('button', { name: /^Follow/ }).click();
    await page.getByText('You are following Greater Manchester acute provider collaborative').waitFor();
    await page.getByLabel('Questions and case studies').check();
    await page.getByRole('button', { name: 'Save notification level' }).click();
    await page.getByText('Your notification level has been saved').waitFor();

    // The account's settings list it at the level chosen; the home feed shows its threads.
    await page.goto('/account/following');
    await heading(page, 'Notifications from collaboratives');
    expect(
      await page.getByLabel('Notify me about (Greater Manchester acute provider collaborative)').inputValue(),
    ).toBe('questions-and-practices');
    await reviewPage(page, 'account-following');
    await page.goto('/');
    await heading(page, 'Home');
    await page.getByRole('list', { name: 'From the collaboratives you follow' }).getByRole('link').first().waitFor();
    await reviewPage(page, 'home-feed');
  });

  test('members only: a newcomer cannot read it and asks to join; a lead approves and the newcomer can read it', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.goto('/collaboratives/foundation-group');
    await heading(page, 'The Foundation Group');
    await page.getByText("Only members can read this collaborative's discussions.").waitFor();
    await page.getByText('Ask to join The Foundation Group').click();
    await page.getByLabel('Message to the leads (optional)').fill('I lead finance at a neighbouring trust.');
    await page.getByRole('button', { name: 'Send request to join' }).click();
    await page.getByText('Your request to join has been sent to the leads').waitFor();
    await page.getByText('You have asked to join.', { exact: false }).waitFor();
    await reviewPage(page, 'collaborative-members-only');
    await page.goto('/account/join-requests');
    await heading(page, 'Your requests to join');
    const request = page.getByRole('list', { name: 'Your requests to join' }).getByRole('listitem');
    expect(await request.innerText()).toContain('The Foundation Group Waiting');
    await reviewPage(page, 'account-join-requests');

    // The lead sees the request on the collaborative's page and approves it; the newcomer can then read.
    const lead = await suite.newPage();
    await signIn(lead, 'mark.ellis@example.nhs.uk', DEMO_PASSWORD);
    await lead.goto('/collaboratives/foundation-group');
    await lead.getByRole('heading', { name: 'Requests to join' }).waitFor();
    await lead.getByRole('button', { name: `Approve ${member.displayName}` }).click();
    await lead.getByText(`${member.displayName}'s request was approved`).waitFor();
    await page.getByTestId('unread-count').waitFor();
    await page.reload();
    await heading(page, 'Your requests to join');
    expect(await request.innerText()).toContain('The Foundation Group Approved');
    await page.getByRole('link', { name: 'The Foundation Group' }).click();
    await heading(page, 'The Foundation Group');
    await page.getByRole('heading', { name: 'Threads' }).waitFor();
  });

  test('a new thread posted elsewhere shows as "1 new thread" on an open collaborative page, and Show lists it', async () => {
    const watcher = await registerMember(suite.url);
    const watcherPage = await suite.newPage();
    const askerPage = await suite.newPage();
    await signIn(watcherPage, watcher.email, watcher.password);
    await signIn(askerPage, 'helen.clarke@example.nhs.uk', DEMO_PASSWORD);
    await watcherPage.goto('/collaboratives/sussex-community-providers');
    await heading(watcherPage, /Sussex/);
    await watcherPage.getByRole('heading', { name: 'Threads' }).waitFor();

    await askerPage.goto('/collaboratives/sussex-community-providers/ask');
    await heading(askerPage, /^Ask /);
    await askerPage.getByLabel('A discussion').check();
    await askerPage.getByLabel('Title').fill('Virtual wards at weekends: who staffs them?');
    await askerPage.getByLabel('Details').fill('Rotas, skill mix and on-call cover.');
    await askerPage.getByRole('button', { name: 'Post your question' }).click();
    await heading(askerPage, 'Virtual wards at weekends: who staffs them?');

    await watcherPage.getByText('1 new thread', { exact: true }).waitFor();
    expect(await watcherPage.getByRole('link', { name: 'Virtual wards at weekends: who staffs them?' }).count()).toBe(
      0,
    );
    await watcherPage.getByRole('button', { name: 'Show the new threads' }).click();
    await watcherPage.getByRole('link', { name: 'Virtual wards at weekends: who staffs them?' }).waitFor();
    expect(await watcherPage.getByText('1 new thread', { exact: true }).count()).toBe(0);

    // Sorting and tags: the sort links keep working from the keyboard.
    await watcherPage.getByRole('link', { name: 'Newest' }).focus();
    await watcherPage.keyboard.press('Enter');
    await watcherPage.waitForURL(/sort=new/);
    await watcherPage.getByRole('list', { name: 'Threads' }).getByRole('link').first().waitFor();
    expect(await watcherPage.getByRole('list', { name: 'Threads' }).getByRole('heading').first().innerText()).toBe(
      'Virtual wards at weekends: who staffs them?',
    );
  });

  test('at 320 px the directory and a collaborative fit without sideways scrolling', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage({ width: 320, height: 640 });
    await signIn(page, member.email, member.password);
    for (const [path, title, name] of [
      ['/collaboratives', 'Collaboratives', 'collaboratives-320'],
      [
        '/collaboratives/greater-manchester-acute',
        'Greater Manchester acute provider collaborative',
        'collaborative-320',
      ],
      ['/notifications', 'Notifications', 'notifications-320'],
    ]) {
      await page.goto(path);
      await heading(page, title);
      expect({ path, sticking: await sticksOut(page) }).toEqual({ path, sticking: [] });
      await reviewPage(page, name);
    }
  });

  test('an empty question is refused with the NHS.UK error summary', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.goto('/collaboratives/greater-manchester-acute/ask');
    await heading(page, /^Ask /);
    await page.getByRole('button', { name: 'Post your question' }).click();
    expect(await errorSummaryShown(page)).toEqual([
      'Enter a title for your question',
      'Enter the details of your question',
    ]);
    await reviewPage(page, 'ask-errors');
  });
});
