import { parseArgs } from 'node:util';

import type { RerenderProgress } from '../../content/rerender-bodies.js';
import { runCli, withDatabase } from './cli-database.js';
import { rerenderContent } from './rendered-tables.js';

const USAGE = 'Usage: npm run content:rerender [-- --batch-size 1000]';

const line = (progress: RerenderProgress) =>
  `${progress.table}: ${progress.done} / ${progress.total} rows, ${progress.changed} rewritten`;

runCli(async () => {
  const { values } = parseArgs({ options: { 'batch-size': { type: 'string', default: '1000' } } });
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new Error(USAGE);
  await withDatabase(async (dataSource) => {
    const outcomes = await rerenderContent(dataSource.manager, {
      batchSize,
      onProgress: (progress) => console.log(line(progress)),
    });
    const changed = outcomes.reduce((sum, outcome) => sum + outcome.changed, 0);
    console.log(`Done: ${changed} rows rewritten from their Markdown.`);
  });
});
