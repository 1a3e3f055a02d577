import type { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from '../../migrations/index.js';
import { POOL_OPTIONS } from '../database/pool-options.js';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy.js';
import { ENTITIES } from './entities.js';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Fail a request fast rather than hang when the server is gone: this bounds both a new
    // connection and the wait for a free one in the pool, so a request that needs the
    // database answers 503 within 5 s during an outage (see problem-details.filter.ts).
    connectTimeoutMS: 3000,
    extra: POOL_OPTIONS,
  };
}
