import { runCli, withDatabase } from './cli-database.js';

runCli(() =>
  withDatabase(async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length === 0 ? 'The schema is up to date.' : `Applied: ${applied.map((m) => m.name).join(', ')}`,
    );
  }),
);
