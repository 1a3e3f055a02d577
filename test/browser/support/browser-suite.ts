import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { type BuiltForum, startBuiltForum } from './built-forum.js';
import { launchChromium, openTab, type Tab, watchProblems } from './chromium.js';

export interface BrowserSuite {
  readonly url: string;
  /** A fresh tab with storage of its own: a separate device to the forum. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Another tab beside `page`, sharing its cookies and storage: the same person in two tabs. */
  tabBeside(page: Page): Promise<Page>;
}

/**
 * One built forum and one Chromium for a spec file. After each test, every tab it opened must
 * have raised no uncaught exception or console error, and is closed.
 */
export function browserSuite(): BrowserSuite {
  let forum: BuiltForum;
  let browser: Browser;
  let tabs: Tab[] = [];

  beforeAll(async () => {
    forum = await startBuiltForum();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await forum?.stop();
  });
  afterEach(async () => {
    const problems = tabs.flatMap((tab) => tab.problems);
    await Promise.all(tabs.map((tab) => tab.page.context().close()));
    tabs = [];
    expect(problems).toEqual([]);
  });

  return {
    get url() {
      return forum.url;
    },
    async newPage(viewport) {
      const tab = await openTab(browser, forum.url, viewport);
      tabs.push(tab);
      return tab.page;
    },
    async tabBeside(page) {
      const beside = await page.context().newPage();
      tabs.push({ page: beside, problems: watchProblems(beside) });
      return beside;
    },
  };
}
