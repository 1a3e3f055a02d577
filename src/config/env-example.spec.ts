import { readFileSync } from 'node:fs';

import { describe, expect, test } from '@jest/globals';

import { renderEnvExample } from './env-example.js';
import { VARIABLES } from './variables.js';

describe('documented configuration', () => {
  test('.env.example lists every variable with its default and meaning', () => {
    // Out of date? `npm run env:example` rewrites it from src/config/variables.ts.
    expect(readFileSync('.env.example', 'utf8')).toBe(renderEnvExample());
  });

  test('the README configuration table lists every variable', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of Object.keys(VARIABLES)) expect(readme).toContain(`| \`${name}\` |`);
  });
});
