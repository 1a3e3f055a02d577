import { describe, expect, test } from '@jest/globals';

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

const DEMO_PRACTICE = 'Sharing CT and MRI capacity across six acute trusts';

describe('the best-practice library, in a browser', () => {
  const suite = browserSuite();

  test('library filters and cards with headline outcomes; the case study charts its measures, takes an endorsement with a note and a comment, and exports', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Practices' }).click();
    await heading(page, 'Best practice');
    await page.getByRole('link', { name: DEMO_PRACTICE }).waitFor();
    await reviewPage(page, 'practices');

    await page.getByLabel('Theme', { exact: true }).selectOption('diagnostics');
    await page.getByLabel('Sector', { exact: true }).selectOption('acute');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/theme=diagnostics/);
    const card = page.locator('.nhsuk-card', { has: page.getByRole('link', { name: DEMO_PRACTICE }) });
    await card.waitFor();
    expect(await card.getByRole('list', { name: 'Headline outcomes' }).innerText()).toContain(
      'Patients waiting over 6 weeks for CT/MRI: 31% before, 12% after (down 61%)',
    );
    await page.getByLabel('Theme', { exact: true }).selectOption('workforce');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/theme=workforce/);
    await card.waitFor({ state: 'detached' });

    await page.goto('/practices');
    await page.getByRole('link', { name: DEMO_PRACTICE }).click();
    await heading(page, DEMO_PRACTICE);
    const table = page.getByRole('table', { name: 'Outcome measures before and after' });
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(
      /Patients waiting over 6 weeks for CT\/MRI\s+31%\s+12%/,
    );
    await reviewPage(page, 'practice');

    await page.getByLabel('Note with your endorsement (optional)').fill('We copied the capacity huddle in Lancashire.');
    await page.getByRole('button', { name: 'Endorse' }).click();
    await page.getByText('You have endorsed this case study', { exact: true }).first().waitFor();
    await page
      .getByRole('list', { name: 'Endorsements' })
      .getByText('“We copied the capacity huddle in Lancashire.”')
      .waitFor();

    await page.getByRole('button', { name: 'Post comment' }).click();
    expect(await errorSummaryShown(page)).toEqual(['Enter your comment']);
    await page.getByLabel('Your comment').fill('How did you agree **shared reporting**?');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const comments = page.getByRole('list', { name: 'Comments' });
    await comments.getByText('How did you agree shared reporting?').waitFor();

    // The author edits their own comment in place, then deletes it after confirming.
    await comments.getByRole('button', { name: /^Edit your comment of / }).click();
    await page.getByLabel('Edit your comment').fill('How did you agree reporting across the six trusts?');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await comments.getByText('How did you agree reporting across the six trusts?').waitFor();
    await comments.getByText('edited', { exact: false }).waitFor();
    await reviewPage(page, 'practice-own-comment');
    await comments.getByRole('button', { name: /^Delete your comment of / }).click();
    await comments.getByRole('button', { name: /^Yes, delete your comment of / }).click();
    await comments.getByText('[deleted]').waitFor();
    expect(await comments.getByText('How did you agree reporting across the six trusts?').count()).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as Markdown' }).click();
    expect((await download).suggestedFilename()).toBe('sharing-ct-and-mri-capacity-across-six-acute-trusts.md');

    // Ask the authors: a question thread, linked back from the case study.
    await page.getByText('Ask the authors a question').click();
    await page.getByLabel('Your question').fill('Which radiology system linked the sites?');
    await page.getByLabel('Details').fill('We use two different RIS products.');
    await page.getByRole('button', { name: 'Send question' }).click();
    await heading(page, 'Which radiology system linked the sites?');
  });

  test('share a practice: field errors from the API, save a draft, then publish once complete', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.goto('/practices/new');
    await heading(page, 'Share a practice');
    await reviewPage(page, 'practice-new');

    await page.getByRole('button', { name: 'Save draft' }).click();
    expect(await errorSummaryShown(page)).toEqual(['Enter a title for your case study']);

    await page.getByLabel('Title', { exact: true }).fill('Same-day emergency care across two sites');
    await page.getByLabel('What was measured').fill('Admissions avoided per week');
    await page.getByLabel('Before', { exact: true }).fill('not a number');
    await page.getByLabel('After', { exact: true }).fill('45');
    await page.getByLabel('Unit', { exact: true }).fill('admissions');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const numberErrors = await errorSummaryShown(page);
    expect(numberErrors.length).toBeGreaterThan(0);
    expect(await fieldError(page, 'outcomeMeasures-0-before')).toMatch(/^Before /);

    await page.getByLabel('Before', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await heading(page, 'Edit your case study');
    await page.getByText('Your draft has been saved').waitFor();

    // Publishing an incomplete draft names each missing part on its field.
    await page.getByRole('button', { name: 'Publish' }).click();
    const missing = await errorSummaryShown(page);
    expect(missing).toEqual(
      expect.arrayContaining([
        'Summary is needed before publishing',
        'The challenge is needed before publishing',
        'At least one theme is needed before publishing',
      ]),
    );
    expect(await fieldError(page, 'summary')).toBe('Summary is needed before publishing');

    await page.getByLabel('Summary').fill('One SDEC rota across both sites, open 12 hours a day.');
    await page.getByLabel('The challenge').fill('Two small units, each closing early.');
    await page.getByLabel('What you did').fill('- one rota\n- one triage line');
    await page.getByLabel('Outcomes', { exact: true }).fill('More patients home the same day.');
    await page.getByLabel('Lessons learned').fill('Start with the consultant rota.');
    await page.getByLabel('Urgent and emergency care').check();
    await page.getByLabel('Acute').check();
    await page.getByLabel('Co-authors (optional)').fill('@no-such-member');
    await page.getByRole('button', { name: 'Publish' }).click();
    expect(await errorSummaryShown(page)).toEqual(['No member has the handle @no-such-member']);
    await page.getByLabel('Co-authors (optional)').fill('@helen-clarke');
    await page.getByRole('button', { name: 'Publish' }).click();
    await heading(page, 'Same-day emergency care across two sites');
    await page.getByText('Your case study has been published').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Helen Clarke' }).waitFor();
    expect(
      await page.getByRole('table', { name: 'Outcome measures before and after' }).getByRole('row').nth(1).innerText(),
    ).toMatch(/Admissions avoided per week\s+12 admissions\s+45 admissions/);

    // Once published, an edit is public at once, and the form's one button says so.
    await page.getByRole('button', { name: 'Edit case study' }).click();
    await heading(page, 'Edit your case study');
    const form = page.getByRole('main').locator('form');
    expect(await form.getByRole('button').allInnerTexts()).toEqual(
      expect.not.arrayContaining(['Save draft', 'Publish', 'Save changes']),
    );
    expect(await form.locator('button[type="submit"]').allInnerTexts()).toEqual(['Save and publish changes']);
    await reviewPage(page, 'practice-edit-published');
    await page.getByLabel('Summary').fill('One SDEC rota across both sites, open 14 hours a day.');
    await page.getByRole('button', { name: 'Save and publish changes' }).click();
    await heading(page, 'Same-day emergency care across two sites');
    await page.getByText('Your changes have been published').waitFor();
    await page.getByText('open 14 hours a day').waitFor();
  });

  test('keyboard only: edit your own comment without a mouse, focus following each step', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.goto('/practices');
    await page.getByRole('link', { name: DEMO_PRACTICE }).click();
    await heading(page, DEMO_PRACTICE);
    await page.getByLabel('Your comment').fill('Which PACS did the six trusts share?');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const comments = page.getByRole('list', { name: 'Comments' });
    await comments.getByText('Which PACS did the six trusts share?').waitFor();

    // From the top of the page, as someone arriving at it would.
    await page.reload();
    await heading(page, DEMO_PRACTICE);
    await comments.getByText('Which PACS did the six trusts share?').waitFor();
    for (let presses = 0; presses < 120 && !/^Edit\s+your comment of/.test((await focused(page)).text); presses++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).visible).toBe(true);
    }
    expect((await focused(page)).text).toMatch(/^Edit\s+your comment of/);
    await page.keyboard.press('Enter');
    // The words to edit take focus, then Preview, then Save changes.
    await waitUntil(page, 'document.activeElement?.tagName === "TEXTAREA"');
    await page.keyboard.press('End');
    await page.keyboard.type(' And who hosted it?');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Preview', visible: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Save changes', visible: true });
    await page.keyboard.press('Enter');
    await comments.getByText('Which PACS did the six trusts share? And who hosted it?').waitFor();
    // Focus returns to the comment's Edit button.
    await waitUntil(page, '/^Edit\\s+your comment of/.test(document.activeElement?.innerText ?? "")');
  });

  test('search highlights the matching words in threads and case studies', async () => {
    const page = await suite.newPage();
    await signIn(page, 'david.mensah@example.nhs.uk', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Search' }).click();
    await heading(page, 'Search');
    await page.getByLabel('Search questions, replies and case studies').fill('capacity');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('list', { name: 'Results' }).getByRole('listitem').first().waitFor();
    const marks = await page.locator('.app-items mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((mark) => /^capacit/i.test(mark))).toBe(true);
    expect(
      await page.getByRole('list', { name: 'Results' }).getByText('Question', { exact: true }).count(),
    ).toBeGreaterThan(0);
    await reviewPage(page, 'search');

    await page.getByRole('radio', { name: 'Case studies' }).check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/type=practice/);
    // The case studies were among the results already: wait for the questions to go, as the
    // new answer replaces the old one, and then for its case studies to be drawn, rather than
    // counting them while the page shows neither list.
    const results = page.getByRole('list', { name: 'Results' });
    await results.getByText('Question', { exact: true }).first().waitFor({ state: 'detached' });
    await results.getByText('Case study', { exact: true }).first().waitFor();
    expect(await results.getByText('Question', { exact: true }).count()).toBe(0);
  });

  test('at 320 px: the library, a case study, a person’s page, the share form, search and the home feed', async () => {
    const page = await suite.newPage({ width: 320, height: 640 });
    await signIn(page, 'sarah.whitfield@example.nhs.uk', DEMO_PASSWORD);
    await page.goto('/practices');
    await heading(page, 'Best practice');
    await page.getByRole('link', { name: DEMO_PRACTICE }).click();
    await heading(page, DEMO_PRACTICE);
    expect(await sticksOut(page)).toEqual([]);
    await reviewPage(page, 'practice-320');
    await page.getByRole('main').getByRole('link', { name: 'Sarah Whitfield' }).first().click();
    await heading(page, 'Sarah Whitfield');
    await page.getByRole('heading', { name: 'Case studies' }).waitFor();
    expect(await sticksOut(page)).toEqual([]);
    await reviewPage(page, 'person-320');
    // Each page with what to wait for before measuring: its form with its collaboratives
    // loaded, or the first item of its list. A failure names the elements that stick out.
    for (const [path, title, name, filled] of [
      ['/practices/new', 'Share a practice', 'practice-new-320', 'main form #collaborativeId option:nth-child(2)'],
      ['/search?q=capacity&type=all', 'Search', 'search-320', 'main .app-items li'],
      ['/', 'Home', 'home-feed-320', 'main .app-items li'],
    ]) {
      await page.goto(path);
      await heading(page, title);
      await page.locator(filled).first().waitFor({ state: 'attached' });
      expect({ path, sticking: await sticksOut(page) }).toEqual({ path, sticking: [] });
      await reviewPage(page, name);
    }
  });
});
