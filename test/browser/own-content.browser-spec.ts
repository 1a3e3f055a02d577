import { describe, expect, test } from '@jest/globals';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { browserSuite } from './support/browser-suite.js';
import { errorSummaryShown, heading, registerMember, signIn } from './support/forum-pages.js';
import { reviewPage } from './support/review.js';

describe('your own content and memberships, in a browser', () => {
  const suite = browserSuite();

  test('an asker edits their question (a too-short title is refused), then deletes it', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    await signIn(page, member.email, member.password);
    await page.goto('/collaboratives/greater-manchester-acute/ask');
    await heading(page, /^Ask /);
    await page.getByLabel('Title').fill('Who pools pathology rotas?');
    await page.getByLabel('Details').fill('Across three trusts.');
    await page.getByRole('button', { name: 'Post your question' }).click();
    await heading(page, 'Who pools pathology rotas?');

    await page.getByRole('button', { name: 'Edit question' }).click();
    await heading(page, 'Edit your question');
    expect(await page.getByLabel('Title').inputValue()).toBe('Who pools pathology rotas?');
    await page.getByLabel('Title').fill('Rota');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await errorSummaryShown(page))[0]).toMatch(/^Title /);
    await reviewPage(page, 'edit-question');
    await page.getByLabel('Title').fill('Who pools pathology on-call rotas?');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes have been saved').waitFor();
    await heading(page, 'Who pools pathology on-call rotas?');
    await page.getByText('edited', { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Delete question' }).click();
    await page.getByRole('button', { name: 'Yes, delete this question' }).click();
    await page.getByText('The question was deleted').waitFor();
    await heading(page, 'Greater Manchester acute provider collaborative');
  });

  test('a member leaves a collaborative after confirming', async () => {
    const page = await suite.newPage();
    await signIn(page, 'mark.ellis@example.nhs.uk', DEMO_PASSWORD);
    await page.goto('/collaboratives/acute-hospitals-alliance-bsw');
    await heading(page, 'Acute Hospitals Alliance');
    await page.getByRole('button', { name: 'Leave this collaborative' }).click();
    await page.getByRole('button', { name: 'Yes, leave Acute Hospitals Alliance' }).click();
    await page.getByText('You have left Acute Hospitals Alliance').waitFor();
    expect(await page.getByRole('button', { name: 'Leave this collaborative' }).count()).toBe(0);
    await reviewPage(page, 'collaborative-left');
  });
});
