import type { Page } from 'playwright-core';

import { expectNoSeriousAccessibilityViolations } from './axe.js';
import { saveScreenshot } from './screenshots.js';

/** Every page a test reaches: checked with axe, and photographed for people to look at. */
export async function reviewPage(page: Page, name: string): Promise<void> {
  // The pointer rests where the last click was; NHS.UK links lose their underline on hover,
  // which axe would judge as the link's resting look. Check the page as it is at rest.
  await page.mouse.move(0, 0);
  await expectNoSeriousAccessibilityViolations(page);
  await saveScreenshot(page, name);
}
