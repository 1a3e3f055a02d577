import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { dataSourceOptions } from './data-source-options.js';

/** Connects TypeORM to the given server and brings the schema up to date on start. */
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(url), migrationsRun: true, retryAttempts: 3, retryDelay: 1000 }),
      ],
    };
  }
}
