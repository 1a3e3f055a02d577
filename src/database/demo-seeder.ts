import type { EntityManager } from 'typeorm';

/**
 * One module's share of the demo data. `run` must be idempotent: the seed runs on
 * every start, so it inserts what is missing and leaves the rest alone.
 */
export interface DemoSeeder {
  readonly name: string;
  run(manager: EntityManager): Promise<void>;
}
