import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import { ContentKinds } from '../content/content-kinds.js';
import type { Target, TargetType } from '../content/target.js';
import { type AuthUser, isSiteStaff } from '../identity/auth-user.js';

export type { Target };

export const notFound = (type: TargetType) => new NotFoundException(`No ${type} with this id.`);

/** Its tombstone can still be read, but there is nothing left to report or moderate. */
function requireLive(target: Target, goneMessage: string): Target {
  if (target.deletedAt) throw new ConflictException(goneMessage);
  return target;
}

const ACCOUNT_GONE = 'This account was deleted: there is nothing left to act on.';

/** A person's profile; each kind of content brings its own query (`ContentKind.targetSql`). */
const PROFILE_QUERY = `SELECT u.id, NULL::uuid AS collaborative_id, u.id AS author_id, NULL::uuid AS thread_id, NULL::uuid AS practice_id,
                NULL::timestamptz AS hidden_at, NULL::uuid AS hidden_by_id, NULL::timestamptz AS deleted_at, NULL::uuid[] AS draft_author_ids,
                jsonb_build_object('displayName', u.display_name, 'organisation', u.organisation, 'jobTitle', u.job_title, 'bio', u.bio) AS content
           FROM users u WHERE u.id = $1`;

/**
 * Loads report and moderation targets of every kind and applies the one access rule
 * (AccessService) to their collaborative: something the caller may not read answers
 * exactly like something missing.
 */
@Injectable()
export class ModerationTargets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly kinds: ContentKinds,
  ) {}

  async load(type: TargetType, id: string, manager: EntityManager = this.dataSource.manager): Promise<Target | null> {
    const [row] = await manager.query(type === 'user' ? PROFILE_QUERY : this.kinds.of(type).targetSql, [id]);
    if (!row) return null;
    return {
      type,
      id: row.id,
      collaborativeId: row.collaborative_id,
      authorId: row.author_id,
      threadId: row.thread_id,
      practiceId: row.practice_id,
      hiddenAt: row.hidden_at,
      hiddenById: row.hidden_by_id,
      deletedAt: row.deleted_at,
      draftAuthorIds: row.draft_author_ids,
      content: row.content,
    };
  }

  /** 404 unless it exists and the caller may read it; 409 once deleted (its tombstone is still there to see). */
  async requireReadable(user: AuthUser, type: TargetType, id: string): Promise<Target> {
    return requireLive(await this.requireVisible(user, type, id), this.goneMessage(type));
  }

  /** ... and the caller may moderate it: leads of its collaborative, site moderators and admins (403 otherwise). */
  async requireModerable(user: AuthUser, type: TargetType, id: string): Promise<Target> {
    const target = await this.requireVisible(user, type, id);
    if (!(await this.mayModerate(user, target))) {
      throw new ForbiddenException(
        type === 'user' || !target.collaborativeId
          ? 'Only site moderators and admins can do this.'
          : "Only this collaborative's leads and site moderators can do this.",
      );
    }
    return requireLive(target, this.goneMessage(type));
  }

  private goneMessage(type: TargetType): string {
    return type === 'user' ? ACCOUNT_GONE : this.kinds.of(type).goneMessage;
  }

  /** 404 unless it exists and the caller may read it, deleted or not. */
  private async requireVisible(user: AuthUser, type: TargetType, id: string): Promise<Target> {
    const target = await this.load(type, id);
    if (!target || !(await this.mayRead(user, target))) throw notFound(type);
    return target;
  }

  async mayModerate(user: AuthUser, target: Target): Promise<boolean> {
    if (!target.collaborativeId) return isSiteStaff(user);
    return Boolean((await this.access.lookup(user, target.collaborativeId))?.canModerate);
  }

  private async mayRead(user: AuthUser, target: Target): Promise<boolean> {
    if (target.draftAuthorIds && !target.draftAuthorIds.includes(user.id)) return false;
    if (!target.collaborativeId) return true;
    return Boolean((await this.access.lookup(user, target.collaborativeId))?.canRead);
  }
}
