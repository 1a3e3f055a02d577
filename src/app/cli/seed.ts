import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { AppModule } from '../app.module.js';
import { openDatabase } from '../open-database.js';
import { SeedService } from '../seed/seed.service.js';
import { cliConfig, runCli } from './cli-database.js';

runCli(async () => {
  const config = cliConfig();
  const database = await openDatabase(config, undefined, { shareRunning: true });
  console.log(`Using ${database.description}`);
  const app = await NestFactory.createApplicationContext(AppModule.register(config, database.url), {
    logger: ['error', 'warn'],
  });
  try {
    await app.get(SeedService).seedDemo();
    console.log('Demo data is in place.');
  } finally {
    await app.close();
    await database.close();
  }
});
