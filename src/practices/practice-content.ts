import type { ContentKind, ContentKinds, ContentPlace } from '../content/content-kinds.js';
import { rowsOf } from '../database/rows-of.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import { toCommentDto } from './dto/comment.dto.js';
import { toPracticeDto } from './dto/practice.dto.js';
import { Practice } from './practice.entity.js';
import { PracticeComment } from './practice-relations.entities.js';
import { forgetPracticeRevisions } from './practice-writes.js';

const scopeOf = (place: ContentPlace) => ({
  collaborativeId: place.collaborativeId,
  threadId: place.threadId,
  practiceId: place.practiceId,
});

const practiceKind: ContentKind = {
  table: 'practices',
  async tombstone(manager, place) {
    const [practice] = await rowsOf<{ status: string }>(
      manager,
      `UPDATE practices SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING status::text`,
      [place.id],
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

const commentKind: ContentKind = {
  table: 'practice_comments',
  async tombstone(manager, place) {
    const changed = await rowsOf(
      manager,
      `UPDATE practice_comments SET deleted_at = now(), body = '', body_html = '' WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
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
export function registerPracticeContent(kinds: ContentKinds): void {
  kinds.register('practice', practiceKind);
  kinds.register('comment', commentKind);
}
