import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccessService, type CollaborativeAccess } from '../collaboratives/access.service.js';
import { type AuthUser, isSiteStaff } from '../identity/auth-user.js';
import { Practice } from './practice.entity.js';

export interface PracticeInContext {
  practice: Practice;
  coAuthorIds: string[];
  access: CollaborativeAccess | null;
  isAuthor: boolean;
  canModerate: boolean;
}

const notFound = () => new NotFoundException('No practice with this id.');

/**
 * Loads a case study with what the caller may do. Drafts exist only for their authors;
 * one in a collaborative the caller may not read is answered like a missing id.
 */
@Injectable()
export class PracticeGuard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async read(user: AuthUser, practiceId: string): Promise<PracticeInContext> {
    const practice = await this.dataSource
      .getRepository(Practice)
      .findOne({ where: { id: practiceId }, relations: { author: true } });
    if (!practice) throw notFound();
    const coAuthorIds: string[] = (
      await this.dataSource.query(`SELECT user_id FROM practice_coauthors WHERE practice_id = $1`, [practiceId])
    ).map((row: { user_id: string }) => row.user_id);
    const isAuthor = practice.authorId === user.id || coAuthorIds.includes(user.id);
    if (practice.status === 'draft' && !isAuthor) throw notFound();
    let access: CollaborativeAccess | null = null;
    if (practice.collaborativeId) {
      access = await this.access.lookup(user, practice.collaborativeId);
      if (!access?.canRead) throw notFound();
    }
    return { practice, coAuthorIds, access, isAuthor, canModerate: access ? access.canModerate : isSiteStaff(user) };
  }

  /**
   * Open for responses (comments, endorsements, questions): published, live, in a
   * collaborative that is not archived (or in none), and one the caller may post in —
   * site staff read members-only collaboratives to moderate them, not to take part.
   */
  async published(user: AuthUser, practiceId: string): Promise<PracticeInContext> {
    const found = await this.read(user, practiceId);
    if (found.practice.status !== 'published' || found.practice.deletedAt || found.practice.hiddenAt) throw notFound();
    if (found.access?.collaborative.archivedAt)
      throw new ForbiddenException('This collaborative is archived and read-only.');
    if (found.access && !found.access.canPost)
      throw new ForbiddenException(
        'Only members of this collaborative can respond to its case studies. Ask to join first.',
      );
    return found;
  }
}
