import type { Page } from 'playwright-core';
import { expectNoSeriousAccessibilityViolations } from './axe.js';
import { saveScreenshot } from './screenshots.js';

/** Every page a test reaches: checked with axe, and photographed for people to look at. */
export async function reviewPage(page: Page, name: string): Promise<void> {
  await expectNoSeriousAccessibilityViolations(page);
  await saveScreenshot(page, name);
}
