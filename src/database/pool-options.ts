/**
 * The connection pool's settings, free of Nest and TypeORM so the benchmark's baseline
 * server (bench/baseline) runs with the same ones.
 *
 * No parallel workers: each is a new PostgreSQL process started for one query. Under a
 * busy pool they only take cores from the other requests' queries; search, the one plan
 * that used them, answered 124 → 166 req/s at the `large` benchmark scale without them.
 */
export function poolOptions(env: NodeJS.ProcessEnv) {
  return {
    max: 20,
    idleTimeoutMillis: 30000,
    // Added to PGOPTIONS, which pg would otherwise read and this would replace.
    options: [env.PGOPTIONS, '-c max_parallel_workers_per_gather=0'].filter(Boolean).join(' '),
  };
}

export const POOL_OPTIONS = poolOptions(process.env);
