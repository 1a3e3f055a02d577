import type { EntityManager } from 'typeorm';

/** The posts that store an excerpt and their mentions beside their Markdown. */
export type PostTable = 'threads' | 'replies' | 'practice_comments';

/**
 * A post's stored excerpt and @mentioned handles, rendered when it was written, so a
 * notification rule renders nothing. Nothing for a post moderators have hidden or someone
 * deleted since: its words must not travel in notifications. Exported for the benchmark's
 * baseline, which runs the same SQL.
 */
export const postTextSql = (table: PostTable) =>
  `SELECT excerpt, mentions FROM ${table} WHERE id = $1 AND hidden_at IS NULL AND deleted_at IS NULL`;

export interface PostText {
  /** Absent when there is nothing to quote. */
  excerpt?: string;
  mentions: string[];
}

export async function storedPostText(manager: EntityManager, table: PostTable, id: string): Promise<PostText> {
  const [row]: Array<{ excerpt: string; mentions: string[] }> = await manager.query(postTextSql(table), [id]);
  return { excerpt: row?.excerpt || undefined, mentions: row?.mentions ?? [] };
}
