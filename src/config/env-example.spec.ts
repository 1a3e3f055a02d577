import { readFileSync } from 'node:fs';

import { describe, expect, test } from '@jest/globals';

import { renderEnvExample } from './env-example.js';
import { VARIABLES } from './variables.js';

describe('documented configuration', () => {
  test('.env.example lists every variable with its default and meaning', () => {
    // Out of date? `npm run env:example` rewrites it from src/config/variables.ts.
    expect(readFileSync('.env.example', 'utf8')).toBe(renderEnvExample());
  });

  test('the configuration table in docs/configuration.md lists every variable', () => {
    const table = readFileSync('docs/configuration.md', 'utf8');
    const missing = Object.keys(VARIABLES).filter((name) => !table.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
