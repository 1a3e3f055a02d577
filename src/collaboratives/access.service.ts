import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { EntityRows } from '../database/entity-rows.js';
import { readRows } from '../database/read-rows.js';
import { type AuthUser, isSiteStaff } from '../identity/auth-user.js';
import { ArchivedCollaborative } from './archived-collaborative.js';
import { Collaborative } from './collaborative.entity.js';
import type { MembershipRole } from './membership.entity.js';
import { MAY_READ_EACH_SQL, readableByMember } from './read-rule.js';

/** What one caller may do in one collaborative. */
export interface CollaborativeAccess {
  collaborative: Collaborative;
  /** The caller's role inside the collaborative, or null when not a member. */
  membership: MembershipRole | null;
  canRead: boolean;
  canPost: boolean;
  canModerate: boolean;
}

/**
 * The one rule for "may this user read / post in / moderate this collaborative?".
 * Every module asks here. A collaborative the caller may not read is answered exactly
 * like one that does not exist (404), so hidden and missing look the same.
 */
@Injectable()
export class AccessService {
  constructor(private readonly dataSource: DataSource) {}

  /** Everything the caller may do in the collaborative; null when it does not exist. */
  async lookup(user: AuthUser, collaborativeId: string): Promise<CollaborativeAccess | null> {
    // Raw SQL: every read of a list asks this first (see EntityRows).
    const joined = this.joinAccess('k.id', '$2');
    const [row] = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${joined.select} FROM (VALUES ($1::uuid)) AS k(id) ${joined.joins}`,
      [collaborativeId, user.id],
    );
    return joined.from(user, row!);
  }

  /**
   * What `lookup` reads, as a select list and joins to add to the query that loads a post,
   * so a thread and the caller's access to it come back in one round trip: the
   * collaborative `c` whose id is `collaborativeIdColumn`, and the membership `m` of the
   * caller, whose id the query binds as `userParam`. `from` reads the access from a result
   * row (null when there is no such collaborative).
   */
  joinAccess(collaborativeIdColumn: string, userParam: string) {
    const rows = EntityRows.of(this.dataSource, Collaborative, 'c');
    return {
      select: `${rows.select}, m.role AS membership_role`,
      joins: `LEFT JOIN collaboratives c ON c.id = ${collaborativeIdColumn}
              LEFT JOIN collaborative_members m ON m.collaborative_id = c.id AND m.user_id = ${userParam}`,
      from: (user: AuthUser, row: Record<string, unknown>): CollaborativeAccess | null => {
        const collaborative = rows.from(row);
        return (
          collaborative && this.decide(user, collaborative, (row.membership_role ?? null) as MembershipRole | null)
        );
      },
    };
  }

  decide(user: AuthUser, collaborative: Collaborative, membership: MembershipRole | null): CollaborativeAccess {
    const canRead = collaborative.visibility === 'public' || membership !== null || isSiteStaff(user);
    const canModerate = canRead && (isSiteStaff(user) || membership === 'lead');
    const open = collaborative.archivedAt === null;
    const canPost = canRead && open && (collaborative.visibility === 'public' || membership !== null);
    return { collaborative, membership, canRead, canPost, canModerate };
  }

  /** 404 unless the caller may read the collaborative. */
  async requireRead(user: AuthUser, collaborativeId: string): Promise<CollaborativeAccess> {
    return this.ensure(await this.lookup(user, collaborativeId), 'read');
  }

  /** 404 when hidden; 409 when archived (read-only); 403 when only members may post. */
  async requirePost(user: AuthUser, collaborativeId: string): Promise<CollaborativeAccess> {
    return this.ensure(await this.lookup(user, collaborativeId), 'post');
  }

  /** 404 when hidden; 403 unless a lead of this collaborative or a site moderator or admin. */
  async requireModerate(user: AuthUser, collaborativeId: string): Promise<CollaborativeAccess> {
    return this.ensure(await this.lookup(user, collaborativeId), 'moderate');
  }

  /** The checks of requireRead, requirePost and requireModerate, on an access already read (null: no such collaborative). */
  ensure(access: CollaborativeAccess | null, need: 'read' | 'post' | 'moderate'): CollaborativeAccess {
    if (!access?.canRead) throw new NotFoundException('No collaborative with this id.');
    if (need === 'post') {
      if (access.collaborative.archivedAt) throw new ArchivedCollaborative();
      if (!access.canPost)
        throw new ForbiddenException('Only members of this collaborative can post in it. Ask to join first.');
    }
    if (need === 'moderate' && !access.canModerate)
      throw new ForbiddenException("Only this collaborative's leads and site moderators can do this.");
    return access;
  }

  /**
   * SQL condition for lists: rows whose collaborative (column `collaborativeIdColumn`)
   * the caller may read. Bind the returned parameters with the query.
   */
  readableCondition(user: AuthUser, collaborativeIdColumn: string): { sql: string; params: Record<string, unknown> } {
    if (isSiteStaff(user)) return { sql: 'TRUE', params: {} };
    return { sql: readableByMember(collaborativeIdColumn, ':readerId'), params: { readerId: user.id } };
  }

  /**
   * Set-based `requireRead` for many people at once (the same rule as `decide`): for each
   * pair, whether that person exists and may read that collaborative (null: no
   * collaborative, readable by everyone signed in). One query, in the given order.
   */
  async mayReadEach(
    manager: EntityManager,
    pairs: Array<{ userId: string; collaborativeId: string | null }>,
  ): Promise<boolean[]> {
    if (pairs.length === 0) return [];
    const rows: Array<{ readable: boolean }> = await manager.query(MAY_READ_EACH_SQL, [
      pairs.map((pair) => pair.userId),
      pairs.map((pair) => pair.collaborativeId),
    ]);
    return rows.map((row) => row.readable);
  }

  /** Ids of the collaboratives the caller leads (for moderation queues), or null for site staff (all). */
  async moderatedCollaborativeIds(user: AuthUser): Promise<string[] | null> {
    if (isSiteStaff(user)) return null;
    const rows: Array<{ collaborative_id: string }> = await this.dataSource.query(
      `SELECT collaborative_id FROM collaborative_members WHERE user_id = $1 AND role = 'lead'`,
      [user.id],
    );
    return rows.map((row) => row.collaborative_id);
  }
}
