import { DataSource } from 'typeorm';

import { type AppConfig, environmentWithDotEnv, InvalidConfigError, loadConfig } from '../../config/app-config.js';
import { dataSourceOptions } from '../data-source-options.js';
import { openDatabase } from '../open-database.js';

/** Loads the configuration as `npm start` does; a bad value ends the command with exit 1. */
export function cliConfig(): AppConfig {
  try {
    return loadConfig(environmentWithDotEnv());
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** Opens the configured database (embedded or DATABASE_URL) for one command, then closes it. */
export async function withDatabase<T>(work: (dataSource: DataSource, config: AppConfig) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const database = await openDatabase(config, undefined, { shareRunning: true });
  console.log(`Using ${database.description}`);
  const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  try {
    return await work(dataSource, config);
  } finally {
    await dataSource.destroy();
    await database.close();
  }
}

export function runCli(main: () => Promise<unknown>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
