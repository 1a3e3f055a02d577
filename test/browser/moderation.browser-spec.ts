import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { signIn as signInThroughApi } from '../factories/user.factory.js';
import { HttpClient } from '../support/http.js';
import { browserSuite } from './support/browser-suite.js';
import {
  errorSummaryShown,
  focused,
  heading,
  type Member,
  registerMember,
  signIn,
  sticksOut,
} from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

// Sarah Whitfield leads the Greater Manchester acute collaborative in the demo data.
const LEAD = 'sarah.whitfield@example.nhs.uk';
const COLLABORATIVE = 'greater-manchester-acute';

interface Posted {
  threadPath: string;
  replyText: string;
}

/** A question by one member and a reply by another, set up through the API: the test is about what follows. */
async function questionWithReply(baseUrl: string, asker: Member, replier: Member, topic: string): Promise<Posted> {
  const http = new HttpClient(baseUrl);
  const askerToken = (await signInThroughApi(http, asker.email, asker.password)).accessToken;
  const replierToken = (await signInThroughApi(http, replier.email, replier.password)).accessToken;
  const collaborative = await http.get(`/api/collaboratives/${COLLABORATIVE}`, { token: askerToken });
  const thread = await http.post(
    `/api/collaboratives/${collaborative.body.id}/threads`,
    { title: `${topic}: who shares theatre lists?`, body: 'Looking for a pooled list.' },
    { token: askerToken },
  );
  if (thread.status !== 201) throw new Error(`thread: ${thread.status} ${thread.text}`);
  const replyText = `${topic}: whoever wrote the question has no idea what they are doing.`;
  const reply = await http.post(`/api/threads/${thread.body.id}/replies`, { body: replyText }, { token: replierToken });
  if (reply.status !== 201) throw new Error(`reply: ${reply.status} ${reply.text}`);
  return { threadPath: `/threads/${thread.body.id}`, replyText };
}

async function handleOf(baseUrl: string, member: Member): Promise<string> {
  const http = new HttpClient(baseUrl);
  const token = (await signInThroughApi(http, member.email, member.password)).accessToken;
  return (await http.get('/api/users/me', { token })).body.handle;
}

async function openThread(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByTestId('replies').locator('article').first().waitFor();
}

describe('moderation, in a browser', () => {
  const suite = browserSuite();

  test('a member reports a reply; the lead sees it in the queue and hides it; its author sees it marked, another member sees the notice', async () => {
    const [asker, replier, reporter, bystander] = await Promise.all([1, 2, 3, 4].map(() => registerMember(suite.url)));
    const { threadPath, replyText } = await questionWithReply(suite.url, asker, replier, 'Queue test');

    // The reporter: a reason is required; then the report is sent, and a second one is refused clearly.
    const reporterPage = await suite.newPage();
    await signIn(reporterPage, reporter.email, reporter.password);
    await openThread(reporterPage, threadPath);
    await reporterPage.getByText(`Report the reply by ${replier.displayName}`).click();
    await reporterPage.getByRole('button', { name: 'Send report' }).click();
    expect(await errorSummaryShown(reporterPage)).toEqual(['Select why you are reporting it']);
    const replies = reporterPage.getByTestId('replies');
    await replies.getByLabel('Disrespectful').check();
    await replies.getByLabel('What should the moderators know? (optional)').fill('A personal attack on the asker.');
    await reviewPage(reporterPage, 'report-form');
    await reporterPage.getByRole('button', { name: 'Send report' }).click();
    await reporterPage
      .getByText(`Thank you: your report of the reply by ${replier.displayName} has been sent to the moderators.`)
      .waitFor();
    await openThread(reporterPage, threadPath);
    await reporterPage.getByText(`Report the reply by ${replier.displayName}`).click();
    await reporterPage.getByTestId('replies').getByLabel('Spam or advertising').check();
    await reporterPage.getByRole('button', { name: 'Send report' }).click();
    await reporterPage
      .getByText('You have already reported this, and your report is still open.', { exact: false })
      .waitFor();
    expect(await reporterPage.getByText('Already reported.').count()).toBe(1);

    // The lead: Moderation is in the header; the item shows its words, the reason and the details.
    const leadPage = await suite.newPage();
    await signIn(leadPage, LEAD, DEMO_PASSWORD);
    await leadPage.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Moderation' }).click();
    await heading(leadPage, 'Moderation queue');
    const item = leadPage.getByRole('region', { name: `Reported reply by ${replier.displayName}` });
    await item.waitFor();
    await item.getByText(replyText).waitFor();
    await item.getByText('A personal attack on the asker.', { exact: false }).waitFor();
    expect(await item.locator('li', { hasText: 'Disrespectful' }).count()).toBe(1);
    await item.getByText('No earlier moderation actions.').waitFor();
    await reviewPage(leadPage, 'moderation-queue');

    await item.getByRole('button', { name: /^Decide/ }).click();
    expect(await errorSummaryShown(leadPage)).toEqual([
      'Select what to do about the reports',
      'Enter a note for the audit log and the author',
    ]);
    await item.getByLabel('Hide it').check();
    await item.getByLabel('Note').fill('Please keep to the question, not the person.');
    await item.getByRole('button', { name: /^Decide/ }).click();
    await leadPage.getByText('The item was hidden').waitFor();
    await item.waitFor({ state: 'detached' });

    // The author sees the reply, marked with the note; another member sees only the notice.
    const authorPage = await suite.newPage();
    await signIn(authorPage, replier.email, replier.password);
    await openThread(authorPage, threadPath);
    const own = authorPage.getByTestId('replies');
    await own
      .getByText('Hidden by moderators: Please keep to the question, not the person.', { exact: false })
      .waitFor();
    await own.getByText(replyText).waitFor();
    await reviewPage(authorPage, 'reply-hidden-author');

    const otherPage = await suite.newPage();
    await signIn(otherPage, bystander.email, bystander.password);
    await openThread(otherPage, threadPath);
    const theirs = otherPage.getByTestId('replies');
    await theirs.getByText('This reply has been hidden by moderators.').waitFor();
    expect(await theirs.getByText(replyText).count()).toBe(0);
    await reviewPage(otherPage, 'reply-hidden-reader');

    // The lead finds the decision in the audit log.
    await leadPage.getByRole('link', { name: 'See the audit log' }).click();
    await heading(leadPage, 'Audit log');
    const row = leadPage.getByRole('row', { name: /Please keep to the question, not the person\./ }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('Reports upheld: hidden');
  });

  test('keyboard only: report a reply without a mouse, with the focus visible at every step', async () => {
    const [asker, replier, reporter] = await Promise.all([1, 2, 3].map(() => registerMember(suite.url)));
    const { threadPath } = await questionWithReply(suite.url, asker, replier, 'Keyboard report');
    const page = await suite.newPage();
    await signIn(page, reporter.email, reporter.password);
    await openThread(page, threadPath);
    // Replies are not numbered on screen, so the report names the reply by its author.
    const reportIt = new RegExp(`^Report\\s+the reply by ${replier.displayName}$`);
    for (let presses = 0; presses < 80 && !reportIt.test((await focused(page)).text); presses++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).visible).toBe(true);
    }
    expect((await focused(page)).text).toMatch(reportIt);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toMatch(/-reason$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).id).toMatch(/-reason-disrespectful$/);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toMatch(/-details$/);
    await page.keyboard.type('Typed without a mouse.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Send report', visible: true });
    await page.keyboard.press('Enter');
    await page
      .getByText(`Thank you: your report of the reply by ${replier.displayName} has been sent to the moderators.`)
      .waitFor();
  });

  test('a lead hides and restores a reply where it is shown, with a reason; readers follow live', async () => {
    const [asker, replier] = await Promise.all([1, 2].map(() => registerMember(suite.url)));
    const { threadPath, replyText } = await questionWithReply(suite.url, asker, replier, 'Direct action');
    const leadPage = await suite.newPage();
    const askerPage = await suite.newPage();
    await signIn(leadPage, LEAD, DEMO_PASSWORD);
    await signIn(askerPage, asker.email, asker.password);
    await openThread(askerPage, threadPath);
    await openThread(leadPage, threadPath);

    await leadPage.getByText(`Moderate the reply by ${replier.displayName}`).click();
    await leadPage.getByRole('button', { name: `Hide the reply by ${replier.displayName}` }).click();
    expect(await errorSummaryShown(leadPage)).toEqual(['Enter the reason for this action']);
    await leadPage.getByTestId('replies').getByLabel('Reason').fill('Personal remarks');
    await leadPage.getByRole('button', { name: `Hide the reply by ${replier.displayName}` }).click();
    await leadPage.getByRole('button', { name: `Restore the reply by ${replier.displayName}` }).waitFor();
    await leadPage
      .getByTestId('replies')
      .getByText('Hidden by moderators: Personal remarks', { exact: false })
      .waitFor();
    await reviewPage(leadPage, 'reply-hidden-moderator');

    // The asker's open page follows without a reload.
    await askerPage.getByTestId('replies').getByText('This reply has been hidden by moderators.').waitFor();
    expect(await askerPage.getByTestId('replies').getByText(replyText).count()).toBe(0);

    await leadPage.getByTestId('replies').getByLabel('Reason').fill('Reviewed again: it may stay');
    await leadPage.getByRole('button', { name: `Restore the reply by ${replier.displayName}` }).click();
    await leadPage.getByRole('button', { name: `Hide the reply by ${replier.displayName}` }).waitFor();
    await askerPage.getByTestId('replies').getByText(replyText).waitFor();
  });

  test('a moderator suspends a member from their page, who then cannot sign in; the suspension is lifted; the audit log lists both', async () => {
    const member = await registerMember(suite.url);
    const handle = await handleOf(suite.url, member);
    const moderator = await suite.newPage();
    await signIn(moderator, 'moderator@example.nhs.uk', DEMO_PASSWORD);
    await moderator.goto(`/people/${handle}`);
    await heading(moderator, member.displayName);
    await moderator.getByRole('heading', { name: 'Suspend or lift a suspension' }).waitFor();

    await moderator.getByRole('button', { name: 'Confirm' }).click();
    expect(await errorSummaryShown(moderator)).toEqual([
      'Select whether to suspend or lift the suspension',
      'Enter the reason',
    ]);
    await moderator.getByLabel('Suspend the account').check();
    await moderator.getByLabel('Number of days (optional)').fill('seven');
    await moderator.getByLabel('Reason').fill('Repeated personal attacks after a warning');
    await moderator.getByRole('button', { name: 'Confirm' }).click();
    expect(await errorSummaryShown(moderator)).toEqual(['Number of days must be a whole number from 1 to 3650']);
    await moderator.getByLabel('Number of days (optional)').fill('7');
    await moderator.getByRole('button', { name: 'Confirm' }).click();
    await moderator.getByText(`${member.displayName} is suspended`).waitFor();
    await moderator.getByText('Suspended', { exact: true }).waitFor();
    await reviewPage(moderator, 'person-suspended');

    const suspended = await suite.newPage();
    await suspended.goto('/sign-in');
    await suspended.getByLabel('Email address').fill(member.email);
    await suspended.getByLabel('Password', { exact: true }).fill(member.password);
    await suspended.getByRole('button', { name: 'Sign in' }).click();
    expect((await errorSummaryShown(suspended)).join(' ')).toContain('Repeated personal attacks after a warning');

    await moderator.getByLabel('Lift the suspension').check();
    await moderator.getByLabel('Reason').fill('Apology accepted');
    await moderator.getByRole('button', { name: 'Confirm' }).click();
    await moderator.getByText(`${member.displayName}'s suspension has been lifted`).waitFor();
    await moderator.getByText('Active', { exact: true }).waitFor();

    await moderator.goto('/moderation/audit-log');
    await heading(moderator, 'Audit log');
    await moderator.getByLabel('Action').selectOption({ label: 'Account suspended' });
    await moderator.getByRole('button', { name: 'Filter' }).click();
    // Until the filtered list arrives the unfiltered one is still shown, where the lifting row
    // repeats the suspension's reason: wait for the filter to take it away first.
    await moderator.waitForURL(/action=user\.suspend/);
    await moderator.getByRole('row', { name: /Suspension lifted/ }).waitFor({ state: 'detached' });
    const suspension = moderator.getByRole('row', { name: /Repeated personal attacks after a warning/ });
    await suspension.waitFor();
    expect(await moderator.getByRole('row', { name: /Apology accepted/ }).count()).toBe(0);
    expect(new URL(moderator.url()).searchParams.get('action')).toBe('user.suspend');
    await reviewPage(moderator, 'audit-log');

    await moderator.getByLabel('Action').selectOption({ label: 'Any action' });
    await moderator.getByLabel('Who acted').fill('@nobody-has-this-handle');
    await moderator.getByRole('button', { name: 'Filter' }).click();
    expect(await errorSummaryShown(moderator)).toEqual(['Enter the @handle of a member, as shown on their page']);
  });

  test('a moderator moves a thread to another collaborative, then merges a duplicate into it; the duplicate points to where it went', async () => {
    const [asker, replier] = await Promise.all([1, 2].map(() => registerMember(suite.url)));
    const first = await questionWithReply(suite.url, asker, replier, 'Move test');
    const duplicate = await questionWithReply(suite.url, asker, replier, 'Duplicate test');
    const moderator = await suite.newPage();
    await signIn(moderator, 'moderator@example.nhs.uk', DEMO_PASSWORD);
    await openThread(moderator, first.threadPath);

    await moderator.getByText('Move to another collaborative').click();
    await moderator.getByRole('button', { name: 'Move thread' }).click();
    expect(await errorSummaryShown(moderator)).toEqual([
      'Select the collaborative to move it to',
      'Enter the reason for moving it',
    ]);
    await moderator.getByLabel('Collaborative', { exact: true }).selectOption({ label: 'Acute Hospitals Alliance' });
    await moderator.locator('#moveReason').fill('Belongs with the alliance’s theatre work');
    await moderator.getByRole('button', { name: 'Move thread' }).click();
    await moderator.getByText('Moved to Acute Hospitals Alliance').waitFor();
    await moderator.goto('/collaboratives/acute-hospitals-alliance-bsw');
    await heading(moderator, 'Acute Hospitals Alliance');
    await moderator.getByRole('link', { name: 'Move test: who shares theatre lists?' }).waitFor();

    await openThread(moderator, duplicate.threadPath);
    await moderator.getByText('Merge into another thread').click();
    await moderator.locator('#mergeInto').fill(`${suite.url}${first.threadPath}`);
    await moderator.locator('#mergeReason').fill('Same question asked twice');
    await reviewPage(moderator, 'thread-moderation');
    await moderator.getByRole('button', { name: 'Merge thread' }).click();
    await moderator.getByText('The duplicate thread was merged into this one').waitFor();
    await heading(moderator, 'Move test: who shares theatre lists?');
    await moderator.getByTestId('replies').getByText(duplicate.replyText).waitFor();

    const reader = await suite.newPage();
    await signIn(reader, asker.email, asker.password);
    await reader.goto(duplicate.threadPath);
    await reader.getByText('Moderators merged this thread into another.', { exact: false }).waitFor();
    await reader.getByRole('link', { name: 'Go to the thread it was merged into' }).click();
    await heading(reader, 'Move test: who shares theatre lists?');
  });

  test('a moderator hides a comment on a case study; readers see the notice, its author sees it marked', async () => {
    const [author, reader] = await Promise.all([1, 2].map(() => registerMember(suite.url)));
    const http = new HttpClient(suite.url);
    const token = (await signInThroughApi(http, author.email, author.password)).accessToken;
    const practice = (await http.get('/api/practices?limit=1', { token })).body.items[0];
    const comment = await http.post(
      `/api/practices/${practice.id}/comments`,
      { body: 'Call me on 07700 900123 about patient J. Smith.' },
      { token },
    );
    expect(comment.status).toBe(201);

    const moderator = await suite.newPage();
    await signIn(moderator, 'moderator@example.nhs.uk', DEMO_PASSWORD);
    await moderator.goto(`/practices/${practice.id}`);
    await heading(moderator, practice.title);
    const comments = moderator.getByRole('list', { name: 'Comments' });
    await comments.getByText('Call me on 07700 900123', { exact: false }).waitFor();
    await comments.getByText(`Moderate the comment by ${author.displayName}`).click();
    await comments.getByLabel('Reason').fill('Patient details in a public comment');
    await comments.getByRole('button', { name: `Hide the comment by ${author.displayName}` }).click();
    await comments.getByRole('button', { name: `Restore the comment by ${author.displayName}` }).waitFor();
    await reviewPage(moderator, 'comment-hidden-moderator');

    const readerPage = await suite.newPage();
    await signIn(readerPage, reader.email, reader.password);
    await readerPage.goto(`/practices/${practice.id}`);
    await heading(readerPage, practice.title);
    const theirs = readerPage.getByRole('list', { name: 'Comments' });
    await theirs.getByText('This comment has been hidden by moderators.').waitFor();
    expect(await theirs.getByText('07700 900123', { exact: false }).count()).toBe(0);

    const authorPage = await suite.newPage();
    await signIn(authorPage, author.email, author.password);
    await authorPage.goto(`/practices/${practice.id}`);
    const own = authorPage.getByRole('list', { name: 'Comments' });
    await own.getByText('Hidden by moderators.', { exact: false }).waitFor();
    await own.getByText('Call me on 07700 900123', { exact: false }).waitFor();
  });

  test('a member who leads nothing has no Moderation link; the queue and audit log say who they are for; at 320 px they fit', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage({ width: 320, height: 640 });
    await signIn(page, member.email, member.password);
    expect(await page.getByRole('link', { name: 'Moderation' }).count()).toBe(0);
    await page.goto('/moderation');
    await heading(page, 'Moderation queue');
    await page.getByText('Only for moderators and leads').waitFor();
    expect(await sticksOut(page)).toEqual([]);
    await reviewPage(page, 'moderation-queue-403');
    await page.goto('/moderation/audit-log');
    await heading(page, 'Audit log');
    await page.getByText('Only for moderators and leads').waitFor();

    const lead = await suite.newPage({ width: 320, height: 640 });
    await signIn(lead, LEAD, DEMO_PASSWORD);
    await lead.goto('/moderation');
    await heading(lead, 'Moderation queue');
    await lead
      .getByText(/No reports are waiting|Reported/)
      .first()
      .waitFor();
    expect(await sticksOut(lead)).toEqual([]);
    await lead.goto('/moderation/audit-log');
    await heading(lead, 'Audit log');
    // The header offers Moderation to a lead (here inside the narrow screen's "More" menu).
    await lead.locator('a[aria-current="page"][href="/moderation"]').waitFor({ state: 'attached' });
    expect(await sticksOut(lead)).toEqual([]);
    await reviewPage(lead, 'audit-log-320');
  });
});
