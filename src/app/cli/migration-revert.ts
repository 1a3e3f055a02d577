import { runCli, withDatabase } from './cli-database.js';

runCli(() =>
  withDatabase(async (dataSource) => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    console.log('Reverted the most recent migration.');
  }),
);
