// `node bench/load-only.js --scale small [--reload]`: just the data, for a look at it.
import { fileURLToPath } from 'node:url';

import { openBenchDatabase } from './lib/database.js';
import { loadData } from './lib/load-data.js';

const args = process.argv.slice(2);
const scale = args.includes('--scale') ? args[args.indexOf('--scale') + 1] : 'small';
const root = fileURLToPath(new URL('..', import.meta.url));
const db = await openBenchDatabase(scale, root);
try {
  console.log(await loadData(db.url, scale, { reload: args.includes('--reload') }));
} finally {
  await db.close();
}
