import { Injectable, Logger, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';

import type { DemoSeeder } from '../../database/demo-seeder.js';
import { DEMO_SEEDERS } from './seeders.js';

@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {}

  /** Runs every module's demo seeder in order, all in one transaction. */
  async seedDemo(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Two instances starting at once must not both insert the same demo rows.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('demo-seed'))`);
      for (const seederClass of DEMO_SEEDERS as Type<DemoSeeder>[]) {
        const seeder = this.moduleRef.get(seederClass, { strict: false });
        await seeder.run(manager);
      }
    });
    this.logger.log(
      `Demo data is in place (${DEMO_SEEDERS.map((seeder) => this.moduleRef.get(seeder as Type<DemoSeeder>, { strict: false }).name).join(', ')})`,
    );
  }
}
