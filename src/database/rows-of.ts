import type { EntityManager } from 'typeorm';

/** TypeORM answers UPDATE and DELETE with `[rows, count]` and other statements with rows. */
export async function rowsOf<Row>(manager: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const result = await manager.query(sql, params);
  return (Array.isArray(result[0]) ? result[0] : result) as Row[];
}
