import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the page holds once axe is loaded (typed here: the test project has no DOM types). */
interface AxePage {
  document: unknown;
  axe: { run(context: unknown, options: object): Promise<{ violations: Violation[] }> };
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe-core against WCAG 2.2 A and AA (and its best practices) on the page as it is now,
 * and fails on any serious or critical violation, naming the rule and the elements.
 */
export async function expectNoSeriousAccessibilityViolations(page: Page): Promise<void> {
  // page.evaluate goes through the DevTools protocol, which the page's CSP does not govern,
  // so the app runs under its real policy (no bypassCSP) and axe still gets in.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as AxePage;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  });
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect({ url: page.url(), serious }).toEqual({ url: page.url(), serious: [] });
}
