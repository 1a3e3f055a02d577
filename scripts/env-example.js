// Rewrites .env.example from src/config/variables.ts (run after `npm run build`): npm run env:example
import { writeFileSync } from 'node:fs';

import { renderEnvExample } from '../dist/src/config/env-example.js';

writeFileSync('.env.example', renderEnvExample());
console.log('Wrote .env.example');
