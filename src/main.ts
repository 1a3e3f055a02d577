import 'reflect-metadata';

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { createApp } from './app/app.js';
import { demoAccountsTable } from './app/demo-accounts-table.js';
import { openDatabase } from './app/open-database.js';
import { SeedService } from './app/seed/seed.service.js';
import { createLogger } from './common/logger.js';
import { type AppConfig, environmentWithDotEnv, InvalidConfigError, loadConfig } from './config/app-config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './users/demo-accounts.js';

/** `npm run build` puts the web client in dist/web, beside this file's dist/src. */
function builtWebClient(): string | undefined {
  const root = fileURLToPath(new URL('../web/', import.meta.url));
  return existsSync(`${root}index.html`) ? root : undefined;
}

function readConfigOrExit(): AppConfig {
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

async function main(): Promise<void> {
  const config = readConfigOrExit();
  // A person at a terminal gets short lines; anything else (a file, a collector, production) JSON.
  const readable = process.stdout.isTTY === true && config.nodeEnv !== 'production';
  const logger = createLogger(config.logLevel, { readable });
  const database = await openDatabase(config, (line) => logger.debug({ postgres: line }));
  logger.info({ database: database.description }, `Using ${database.description}`);

  const webRoot = builtWebClient();
  if (!webRoot)
    logger.warn('No built web client in dist/web, so only the API is served: run `npm run build` to build it');
  const app = await createApp(config, database.url, logger, { webRoot });
  if (config.seedDemo) {
    await app.get(SeedService).seedDemo();
  }
  await app.listen(config.port, config.host);
  if (config.seedDemo && readable) process.stdout.write(demoAccountsTable());
  else if (config.seedDemo) {
    const demoAccounts = DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role }));
    logger.info({ demoAccounts }, `Demo accounts, all with the password "${DEMO_PASSWORD}"`);
  }
  logger.info(
    `Collaboratives Forum is listening on ${await app.getUrl()} (${webRoot ? 'web client at /, ' : ''}API under /api, docs at /docs)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    await app.close();
    await database.close();
    logger.info('Stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Collaboratives Forum could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
