import type { EntityManager } from 'typeorm';

import type { ContentKinds } from '../content/content-kinds.js';

/** What a moderation notice is about, as the moderation.notice event names it. */
export interface NoticeSubject {
  targetType: string;
  targetId: string;
}

/** After these the author may no longer read the thread where it now is, so its title stays out. */
const LEAVES_ACCESS = new Set(['move', 'merge']);

/**
 * The title a moderation notice quotes so its reader knows which post it means: only the
 * author's own thread or case study (the kinds whose notifications are named by their title;
 * their own words, which they can still read, hidden or not), and not once it is deleted. A
 * reply's or comment's notice quotes nothing: the title around it is someone else's, and
 * notices keep their words when that one is later hidden or moved.
 */
export async function noticePlace(
  manager: EntityManager,
  kinds: ContentKinds,
  subject: NoticeSubject,
  verb: string,
): Promise<string | null> {
  if (LEAVES_ACCESS.has(verb) || !kinds.has(subject.targetType)) return null;
  const kind = kinds.of(subject.targetType);
  if (!kind.notificationTitles) return null;
  const [row]: Array<{ title: string }> = await manager.query(
    `SELECT title FROM ${kind.table} WHERE id = $1 AND deleted_at IS NULL`,
    [subject.targetId],
  );
  return row?.title || null;
}
