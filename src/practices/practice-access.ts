import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccessService, type CollaborativeAccess } from '../collaboratives/access.service.js';
import { NotFoundContent } from '../content/content-errors.js';
import type { ContentAccess } from '../content/content-rules.js';
import { EntityRows } from '../database/entity-rows.js';
import { readRows } from '../database/read-rows.js';
import { type AuthUser, isSiteStaff } from '../identity/auth-user.js';
import { PUBLIC_PROFILE_FIELDS, User } from '../users/user.entity.js';
import { Practice } from './practice.entity.js';
import { PracticeComment } from './practice-relations.entities.js';

/** The caller's access where a case study lives: its collaborative's, or (in none) every signed-in reader's. */
export type PracticePlace = ContentAccess & Pick<CollaborativeAccess, 'canPost'>;

export interface PracticeInContext {
  /** With its author. */
  practice: Practice;
  coAuthorIds: string[];
  access: PracticePlace;
}

export interface CommentInContext extends PracticeInContext {
  /** With its author. */
  comment: PracticeComment;
}

/**
 * Loads a case study, or a comment with its case study, together with the caller's access
 * to its collaborative, in one query (as ThreadAccess does for threads). A case study in a
 * collaborative the caller may not read, or a draft the caller did not write, answers
 * exactly like a missing id: the same 404, the same words. What the caller may then do
 * with it is practice-rules.ts's.
 */
@Injectable()
export class PracticeAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The case study with its author and co-authors, if the caller may read it. */
  async read(user: AuthUser, practiceId: string): Promise<PracticeInContext> {
    const rows = this.rows();
    const row = await this.withAccess(user, practiceId, {
      select: rows.practiceSelect,
      from: rows.practiceFrom,
      idColumn: 'p.id',
    });
    const found = row && this.inContext(user, rows, row);
    if (!found) throw new NotFoundContent('case study');
    return found;
  }

  /** The comment with its author, and its case study, if the caller may read the case study. */
  async readComment(user: AuthUser, commentId: string): Promise<CommentInContext> {
    const rows = this.rows();
    const row = await this.withAccess(user, commentId, {
      select: `${rows.comment.select}, ${rows.commenter.select}, ${rows.practiceSelect}`,
      from: `practice_comments k LEFT JOIN users ka ON ka.id = k.author_id
             JOIN practices p ON p.id = k.practice_id LEFT JOIN users a ON a.id = p.author_id`,
      idColumn: 'k.id',
    });
    const found = row && this.inContext(user, rows, row);
    if (!found) throw new NotFoundContent('comment');
    const comment = rows.comment.from(row)!;
    comment.author = rows.commenter.from(row) ?? undefined;
    return { ...found, comment };
  }

  private rows() {
    const practice = EntityRows.of(this.dataSource, Practice, 'p');
    const author = EntityRows.of(this.dataSource, User, 'a', PUBLIC_PROFILE_FIELDS);
    return {
      practice,
      author,
      comment: EntityRows.of(this.dataSource, PracticeComment, 'k'),
      commenter: EntityRows.of(this.dataSource, User, 'ka', PUBLIC_PROFILE_FIELDS),
      practiceSelect: `${practice.select}, ${author.select},
        ARRAY(SELECT co.user_id FROM practice_coauthors co WHERE co.practice_id = p.id) AS co_author_ids`,
      practiceFrom: 'practices p LEFT JOIN users a ON a.id = p.author_id',
    };
  }

  /** The case study of `row` and the caller's access to it; null where the caller may not see it. */
  private inContext(
    user: AuthUser,
    rows: ReturnType<PracticeAccess['rows']>,
    row: Record<string, unknown>,
  ): PracticeInContext | null {
    const practice = rows.practice.from(row)!;
    practice.author = rows.author.from(row) ?? undefined;
    const coAuthorIds = row.co_author_ids as string[];
    const collaborative = this.access.joinAccess('p.collaborative_id', '$2').from(user, row);
    if (practice.collaborativeId && !collaborative?.canRead) return null;
    const isAuthor = practice.authorId === user.id || coAuthorIds.includes(user.id);
    if (practice.status === 'draft' && !isAuthor) return null;
    const access: PracticePlace = collaborative ?? {
      collaborative: null,
      canModerate: isSiteStaff(user),
      canPost: true,
    };
    return { practice, coAuthorIds, access };
  }

  /** The one row the query finds by id (`$1`), with the caller's (`$2`) access to the collaborative of its case study `p`. */
  private async withAccess(
    user: AuthUser,
    id: string,
    query: { select: string; from: string; idColumn: string },
  ): Promise<Record<string, unknown> | undefined> {
    const joined = this.access.joinAccess('p.collaborative_id', '$2');
    const [row] = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${query.select}, ${joined.select} FROM ${query.from} ${joined.joins} WHERE ${query.idColumn} = $1`,
      [id, user.id],
    );
    return row;
  }
}
