import type { EntityManager } from 'typeorm';

/** What a moderation notice is about, as the moderation.notice event names it. */
export interface NoticeSubject {
  targetType: string;
  threadId: string | null;
  practiceId: string | null;
}

/** After these the author may no longer read the thread where it now is, so its title stays out. */
const LEAVES_ACCESS = new Set(['move', 'merge']);

/**
 * The title a moderation notice quotes so its reader knows which post it means: only the
 * author's own thread or case study (their own words, which they can still read, hidden or not),
 * and not once it is deleted. A reply's or comment's notice quotes nothing: the title around it
 * is someone else's, and notices keep their words when that one is later hidden or moved.
 */
export async function noticePlace(
  manager: EntityManager,
  subject: NoticeSubject,
  verb: string,
): Promise<string | null> {
  if (LEAVES_ACCESS.has(verb)) return null;
  const [table, id] =
    subject.targetType === 'thread'
      ? ['threads', subject.threadId]
      : subject.targetType === 'practice'
        ? ['practices', subject.practiceId]
        : [null, null];
  if (!table || !id) return null;
  const [row]: Array<{ title: string }> = await manager.query(
    `SELECT title FROM ${table} WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  return row?.title || null;
}
