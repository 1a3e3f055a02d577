import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium (playwright's own browser download cannot reach the internet here). The
 * flags keep it from calling home, which this machine's closed network refuses noisily. Each
 * launch gets a fresh temporary profile from playwright (its --user-data-dir).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Tab {
  page: Page;
  /** Uncaught exceptions and console errors the page raised, for a test to assert none. */
  problems: string[];
}

/**
 * A tab in a context of its own (its own storage: another device, as far as the forum knows).
 * The NHS.UK typeface comes from assets.nhs.uk; the tests stay offline and use the fallback font.
 */
export async function openTab(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1024, height: 800 },
): Promise<Tab> {
  const context: BrowserContext = await browser.newContext({ baseURL, viewport });
  await context.route('https://assets.nhs.uk/**', (route) => route.abort());
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

/** Collects a tab's uncaught exceptions and console errors (a refused style or script among them). */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every 4xx answer, and a test provokes several on purpose.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  return problems;
}
