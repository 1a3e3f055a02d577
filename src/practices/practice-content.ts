import type { DataSource } from 'typeorm';

import type { ContentKind, ContentKinds, ContentPlace } from '../content/content-kinds.js';
import { TOMBSTONE_TITLE } from '../content/hidden-notice.js';
import { rowsOf } from '../database/rows-of.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import { toCommentDto } from './dto/comment.dto.js';
import { toPracticeDto } from './dto/practice.dto.js';
import { Practice } from './practice.entity.js';
import { PracticeComment } from './practice-relations.entities.js';
import { forgetPracticeRevisions } from './practice-writes.js';
import type { PracticesService } from './practices.service.js';

const scopeOf = (place: ContentPlace) => ({
  collaborativeId: place.collaborativeId,
  threadId: place.threadId,
  practiceId: place.practiceId,
});

/** A draft case study (and so its comments) may be seen by its author and co-authors only. */
const DRAFT_AUTHOR_IDS = `CASE WHEN p.status = 'draft'
      THEN array_prepend(p.author_id, ARRAY(SELECT pc.user_id FROM practice_coauthors pc WHERE pc.practice_id = p.id)) END AS draft_author_ids`;

const practiceKind: Omit<ContentKind, 'view'> = {
  table: 'practices',
  targetSql: `SELECT p.id, p.collaborative_id, p.author_id, NULL::uuid AS thread_id, p.id AS practice_id, p.hidden_at, p.hidden_by_id, p.deleted_at,
                    ${DRAFT_AUTHOR_IDS}, jsonb_build_object('title', p.title, 'summary', p.summary, 'challenge', p.challenge, 'approach', p.approach,
                      'outcomes', p.outcomes, 'lessons', p.lessons, 'outcomeMeasures', p.outcome_measures) AS content
               FROM practices p WHERE p.id = $1`,
  goneMessage: 'This case study was deleted: there is nothing left to act on.',
  storedEvents: ['practice.published', 'practice.updated', 'practice.hidden', 'practice.restored'],
  notificationTitles: {
    column: 'practice_id',
    hidden: 'Activity on a case study that moderators have hidden',
    deleted: 'Activity on a case study that was deleted',
  },
  async tombstone(manager, place) {
    const [practice] = await rowsOf<{ status: string }>(
      manager,
      // Its words go, as a thread's do: the tombstone keeps where it was and what it was about (sectors, themes).
      `UPDATE practices SET title = $2, summary = '', challenge = '', challenge_html = '', approach = '', approach_html = '',
              outcomes = '', outcomes_html = '', lessons = '', lessons_html = '', outcome_measures = '[]', tags = '{}',
              organisations = '{}', contact = '', deleted_at = now()
        WHERE id = $1 AND deleted_at IS NULL RETURNING status::text`,
      [place.id, TOMBSTONE_TITLE],
    );
    if (!practice) return null;
    await forgetPracticeRevisions(manager, place.id);
    // A draft was never announced, so its deletion is not either.
    if (practice.status !== 'published') return [];
    return [
      {
        type: 'practice.deleted',
        collaborativeId: place.collaborativeId,
        practiceId: place.id,
        payload: { practiceId: place.id, collaborativeId: place.collaborativeId },
      },
    ];
  },
  async publicEvent(manager, place, change) {
    const practice = await manager.findOneOrFail(Practice, { where: { id: place.id }, relations: { author: true } });
    const ids: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM practice_coauthors WHERE practice_id = $1`,
      [place.id],
    );
    const coAuthors =
      ids.length > 0
        ? await manager.findBy(
            User,
            ids.map((row) => ({ id: row.user_id })),
          )
        : [];
    return {
      type: `practice.${change}`,
      ...scopeOf(place),
      payload: toPracticeDto(
        practice,
        coAuthors.map((user) => toPublicProfile(user)),
      ),
    };
  },
};

const commentKind: Omit<ContentKind, 'view'> = {
  table: 'practice_comments',
  targetSql: `SELECT c.id, p.collaborative_id, c.author_id, NULL::uuid AS thread_id, c.practice_id, c.hidden_at, c.hidden_by_id, c.deleted_at,
                   ${DRAFT_AUTHOR_IDS}, jsonb_build_object('practiceTitle', p.title, 'body', c.body) AS content
              FROM practice_comments c JOIN practices p ON p.id = c.practice_id WHERE c.id = $1`,
  goneMessage: 'This comment was deleted: there is nothing left to act on.',
  storedEvents: ['comment.created', 'comment.updated', 'comment.hidden', 'comment.restored'],
  async tombstone(manager, place) {
    const changed = await rowsOf(
      manager,
      `UPDATE practice_comments SET deleted_at = now(), body = '', body_html = '', excerpt = '', mentions = '{}' WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [place.id],
    );
    if (changed.length === 0) return null;
    await manager.query(`DELETE FROM practice_comment_revisions WHERE comment_id = $1`, [place.id]);
    await manager.query(`UPDATE practices SET comment_count = comment_count - 1 WHERE id = $1`, [place.practiceId]);
    return [
      {
        type: 'comment.deleted',
        collaborativeId: place.collaborativeId,
        practiceId: place.practiceId,
        payload: { commentId: place.id, practiceId: place.practiceId! },
      },
    ];
  },
  async publicEvent(manager, place, change) {
    const comment = await manager.findOneOrFail(PracticeComment, {
      where: { id: place.id },
      relations: { author: true },
    });
    return { type: `comment.${change}`, ...scopeOf(place), payload: toCommentDto(comment) };
  },
};

/** Case studies and their comments in the post lifecycle, registered when the module starts. */
export function registerPracticeContent(
  kinds: ContentKinds,
  services: { practices: PracticesService; dataSource: DataSource },
): void {
  kinds.register('practice', { ...practiceKind, view: (user, id) => services.practices.show(user, id, false) });
  kinds.register('comment', {
    ...commentKind,
    // Only moderators reach here (after moderating it), and moderators see hidden comments.
    view: async (_user, id) =>
      toCommentDto(
        await services.dataSource
          .getRepository(PracticeComment)
          .findOneOrFail({ where: { id }, relations: { author: true } }),
        true,
      ),
  });
}
