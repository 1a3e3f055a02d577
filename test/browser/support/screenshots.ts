import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { REPO_ROOT } from '../../support/forum-process.js';

export const ARTIFACTS = join(REPO_ROOT, 'test', 'artifacts');

/** A full-page screenshot in test/artifacts/ (ignored by git), for people to review the pages. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
