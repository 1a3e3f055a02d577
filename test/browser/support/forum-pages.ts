import type { Locator, Page } from 'playwright-core';

import { registrationFor, signIn as signInThroughApi } from '../../factories/user.factory.js';
import { HttpClient } from '../../support/http.js';
import { confirmFromMailbox } from '../../support/mailbox.js';

export interface Member {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/** A new member, registered through the API and confirmed from the mailbox, for a test that needs someone of its own. */
export async function registerMember(baseUrl: string): Promise<Member> {
  const http = new HttpClient(baseUrl);
  const registration = registrationFor();
  const response = await http.post('/api/auth/register', registration);
  if (response.status !== 202) throw new Error(`register failed: ${response.status} ${response.text}`);
  const confirmed = await confirmFromMailbox(http, registration.email);
  // Confirming signed the member in over the API: end that session, so the browser's are their only ones.
  await http.post('/api/auth/logout', undefined, { token: confirmed.body.accessToken });
  return {
    id: confirmed.body.user.id,
    email: registration.email,
    password: registration.password,
    displayName: registration.displayName,
  };
}

/** The id of an existing account, as an admin would be told it. */
export async function idOf(baseUrl: string, email: string, password: string): Promise<string> {
  return (await signInThroughApi(new HttpClient(baseUrl), email, password)).user.id;
}

/** The page's main heading, once it is there. */
export async function heading(page: Page, name: string | RegExp): Promise<Locator> {
  const found = page.getByRole('heading', { level: 1, name });
  await found.waitFor();
  return found;
}

/** Signs in through the sign-in page, as a person would, and waits for the page it leads to. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  landsOn: string | RegExp = 'Home',
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, landsOn);
}

/**
 * Polls an expression in the page until it is true. (page.waitForFunction compiles its
 * predicate with eval inside the page, which the app's CSP rightly refuses.)
 */
export async function waitUntil(page: Page, expression: string, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeout} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the NHS.UK error summary to take focus, and gives its lines. */
export async function errorSummaryShown(page: Page): Promise<string[]> {
  await waitUntil(page, 'document.activeElement?.classList.contains("nhsuk-error-summary")');
  return page.locator('.nhsuk-error-summary__list li').allInnerTexts();
}

/** The message NHS.UK shows beside a field, or '' when it has none. */
export async function fieldError(page: Page, id: string): Promise<string> {
  const message = page.locator(`[id="${id}--error-message"]`);
  return (await message.count()) > 0 ? (await message.innerText()).replace(/^Error:\s*/, '') : '';
}

/** What has focus: its id and accessible text, and whether its focus style can be seen. */
export function focused(page: Page): Promise<{ id: string; text: string; visible: boolean }> {
  return page.evaluate(`(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !style.outlineColor.endsWith(', 0)');
    return { id: element.id, text: (element.innerText || element.value || '').trim(), visible: outline || style.boxShadow !== 'none' };
  })()`);
}

/**
 * What sticks out sideways at this width, so nobody scrolls both ways to read (WCAG 1.4.10):
 * nothing when the page fits, else the first few elements past the right edge, named by tag,
 * id and classes, which is what to fix. The page gets up to 3 s to settle first: the NHS.UK
 * header's script folds its navigation into "More" only after React has drawn it (again
 * when a lead's Moderation link arrives), and a loaded machine showed the page in between.
 */
export async function sticksOut(page: Page): Promise<string[]> {
  await waitUntil(page, 'document.documentElement.scrollWidth <= window.innerWidth', 3000).catch(() => undefined);
  return page.evaluate(`(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const names = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + [...element.classList].map((name) => '.' + name).join(''));
    return names.length > 0 ? names : ['(the page scrolls sideways, though no element reaches past its right edge)'];
  })()`);
}
