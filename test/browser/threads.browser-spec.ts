import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { browserSuite } from './support/browser-suite.js';
import {
  errorSummaryShown,
  fieldError,
  focused,
  heading,
  registerMember,
  signIn,
  sticksOut,
  waitUntil,
} from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

/** Asks a question in a public demo collaborative through the page, as a person would; gives the thread's address. */
async function askQuestion(page: Page, title: string, body: string): Promise<string> {
  await page.goto('/collaboratives/greater-manchester-acute');
  await heading(page, /Greater Manchester/);
  await page.getByRole('button', { name: 'Ask a question' }).click();
  await heading(page, /^Ask /);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Details').fill(body);
  await page.getByLabel('Tags (optional)').fill('Diagnostics, elective recovery');
  await page.getByRole('button', { name: 'Post your question' }).click();
  await heading(page, title);
  return new URL(page.url()).pathname;
}

describe('threads, in a browser', () => {
  const suite = browserSuite();

  test('two people at once: a reply posted in one browser appears in the other without a reload, and the asker is notified live', async () => {
    const asker = await registerMember(suite.url);
    const peer = await registerMember(suite.url);
    const askerPage = await suite.newPage();
    const peerPage = await suite.newPage();
    await signIn(askerPage, asker.email, asker.password);
    await signIn(peerPage, peer.email, peer.password);
    await askerPage.getByText('Live', { exact: true }).waitFor();

    const path = await askQuestion(
      askerPage,
      'How did you share CT capacity across sites?',
      'We are planning a **shared** diagnostic hub.',
    );
    await askerPage.getByText('Your question has been posted').waitFor();
    await reviewPage(askerPage, 'thread');

    await peerPage.goto(path);
    await heading(peerPage, 'How did you share CT capacity across sites?');
    await peerPage.getByRole('heading', { name: '0 replies' }).waitFor();

    // The peer previews, then posts; the asker's page, untouched since it loaded, shows the reply.
    await peerPage
      .getByLabel('Your reply')
      .fill('We pooled **booking** across three trusts.\n\n- one list\n- one triage');
    await peerPage.getByRole('button', { name: 'Preview' }).click();
    const preview = peerPage.getByRole('region', { name: 'Preview of your reply' });
    expect(await preview.locator('strong').innerText()).toBe('booking');
    expect(await preview.locator('li').allInnerTexts()).toEqual(['one list', 'one triage']);
    await peerPage.getByRole('button', { name: 'Post reply' }).click();
    await peerPage.getByRole('heading', { name: '1 reply' }).waitFor();

    const arrived = askerPage.getByTestId('replies').getByText('We pooled booking across three trusts.');
    await arrived.waitFor();
    expect(await askerPage.getByRole('heading', { name: '1 reply' }).count()).toBe(1);
    // The bell counts the notification that the reply made, without a reload.
    expect(await askerPage.getByTestId('unread-count').innerText()).toMatch(/^1\s*unread$/);

    // The asker votes for the reply and accepts it; the peer sees it accepted, live.
    await askerPage.getByRole('button', { name: 'Useful (this reply)' }).click();
    await askerPage.getByRole('button', { name: 'Voted useful (this reply)' }).waitFor();
    await askerPage.getByRole('button', { name: 'Accept this answer (reply 1)' }).click();
    await askerPage.getByRole('heading', { name: 'Accepted answer' }).waitFor();
    await peerPage.getByText('Accepted answer', { exact: true }).first().waitFor();
    await peerPage.getByText('1 vote', { exact: true }).first().waitFor();

    // A reply in the other direction also arrives live, quoting the first.
    await askerPage.getByRole('button', { name: 'Quote reply 1' }).first().click();
    expect(await askerPage.getByLabel('Your reply').inputValue()).toContain('> We pooled **booking**');
    await askerPage.getByLabel('Your reply').press('End');
    await askerPage.getByLabel('Your reply').pressSequentially('Thank you, that helps.');
    await askerPage.getByRole('button', { name: 'Post reply' }).click();
    await peerPage.getByTestId('replies').getByText('Thank you, that helps.').waitFor();
    await reviewPage(peerPage, 'thread-with-replies');

    // The notification: listed, opened, and marked read.
    await askerPage.getByRole('link', { name: /^Notifications/ }).click();
    await heading(askerPage, 'Notifications');
    await reviewPage(askerPage, 'notifications');
    await askerPage
      .getByRole('button', { name: /^Mark as read/ })
      .first()
      .click();
    await askerPage.getByTestId('unread-count').waitFor({ state: 'detached' });
  });

  test('at 320 px: an empty reply shows the error summary linked to the field; then post, edit and delete your own reply', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage({ width: 320, height: 640 });
    await signIn(page, member.email, member.password);
    const path = await askQuestion(page, 'Who runs a single elective waiting list?', 'Looking for examples.');
    await page.goto(path);
    await heading(page, 'Who runs a single elective waiting list?');
    await page.getByRole('button', { name: 'Post reply' }).click();
    expect(await errorSummaryShown(page)).toEqual(['Enter your reply']);
    await page.locator('.nhsuk-error-summary a').click();
    expect(await page.evaluate('document.activeElement.id')).toBe('replyBody');

    await page.getByLabel('Your reply').fill('Bump: anyone in the North West?');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const replies = page.getByTestId('replies');
    await replies.getByText('Bump: anyone in the North West?').waitFor();
    expect(await sticksOut(page)).toEqual([]);
    await reviewPage(page, 'thread-320');

    await page.getByRole('button', { name: 'Edit reply 1' }).click();
    // The words to edit take focus (the pressed button is gone), and give it back to Edit after.
    await waitUntil(page, 'document.activeElement?.tagName === "TEXTAREA"');
    await page.getByLabel('Edit reply 1').fill('Anyone in the North West running one list?');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await replies.getByText('Anyone in the North West running one list?').waitFor();
    await replies.getByText('edited', { exact: false }).waitFor();
    await waitUntil(page, 'document.activeElement?.id.startsWith("edit-reply-")');

    await page.getByRole('button', { name: 'Delete reply 1' }).click();
    await page.getByRole('button', { name: 'Yes, delete reply 1' }).click();
    await replies.getByText('[deleted]').waitFor();
    expect(await replies.getByText('Anyone in the North West running one list?').count()).toBe(0);
  });

  test('asking with several mistakes lists them all at once, in plain words; the page works at 320 px', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage({ width: 320, height: 640 });
    await signIn(page, member.email, member.password);
    await page.goto('/collaboratives/greater-manchester-acute/ask');
    await heading(page, /^Ask /);
    await page.getByLabel('Title').fill('CT?');
    await page.getByLabel('Tags (optional)').fill('one, two, three, four, five, six');
    await page.getByRole('button', { name: 'Post your question' }).click();
    expect(await errorSummaryShown(page)).toEqual([
      'Title must be 5 characters or more',
      'Enter the details of your question',
      'Tags can have 5 entries at most',
    ]);
    expect(await fieldError(page, 'title')).toBe('Title must be 5 characters or more');
    expect(await sticksOut(page)).toEqual([]);
    await reviewPage(page, 'ask-320');
  });

  test('keyboard only: tab to the reply box, write, preview and post without a mouse', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    const path = await askQuestion(page, 'Keyboard test: who chairs your finance group?', 'Asking for a friend.');
    await page.goto(path);
    await heading(page, 'Keyboard test: who chairs your finance group?');
    for (let presses = 0; presses < 60 && (await focused(page)).id !== 'replyBody'; presses++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).visible).toBe(true);
    }
    expect((await focused(page)).id).toBe('replyBody');
    await page.keyboard.type('The **chief finance officers** take turns.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Preview', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.getByRole('region', { name: 'Preview of your reply' }).locator('strong').innerText()).toBe(
      'chief finance officers',
    );
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Post reply', visible: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('replies').getByText('The chief finance officers take turns.').waitFor();
    // Focus moves to the new reply (not the page body), visibly, and the page says it was posted.
    await waitUntil(page, 'document.activeElement?.id.startsWith("reply-")');
    expect(await focused(page)).toMatchObject({
      text: expect.stringContaining('The chief finance officers take turns.'),
      visible: true,
    });
    expect(await page.getByRole('status').filter({ hasText: 'Your reply has been posted.' }).count()).toBe(1);
    await reviewPage(page, 'thread-reply-posted');
  });

  test('a moderator pins and locks a thread; the asker sees it locked, live, and the reply form goes', async () => {
    const member = await registerMember(suite.url);
    const asker = await suite.newPage();
    const moderator = await suite.newPage();
    await signIn(asker, member.email, member.password);
    await signIn(moderator, 'moderator@example.nhs.uk', DEMO_PASSWORD);
    const path = await askQuestion(
      asker,
      'Locking test: winter escalation triggers',
      'Which OPEL triggers do you share?',
    );
    await asker.getByRole('button', { name: 'Post reply' }).waitFor();

    await moderator.goto(path);
    await heading(moderator, 'Locking test: winter escalation triggers');
    await moderator.getByRole('heading', { name: 'Moderate this thread' }).waitFor();
    await moderator.getByRole('button', { name: 'Pin thread' }).click();
    expect(await errorSummaryShown(moderator)).toEqual(['Enter the reason for this action']);
    await moderator.getByLabel('Reason').fill('Useful for every trust this winter');
    await moderator.getByRole('button', { name: 'Pin thread' }).click();
    await moderator.getByRole('button', { name: 'Unpin thread' }).waitFor();
    await moderator.getByLabel('Reason').fill('Answered; further replies belong in a new thread');
    await moderator.getByRole('button', { name: 'Lock thread' }).click();
    await moderator.getByRole('button', { name: 'Unlock thread' }).waitFor();

    await asker.getByText('This thread is locked: it can be read, but nobody can reply.').waitFor();
    await asker.getByRole('button', { name: 'Post reply' }).waitFor({ state: 'detached' });
    expect(await asker.getByText('Pinned', { exact: true }).count()).toBe(1);
    await reviewPage(asker, 'thread-locked');
  });
});
