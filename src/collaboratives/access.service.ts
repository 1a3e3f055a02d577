import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isSiteStaff, type AuthUser } from '../auth/auth-user.js';
import { EntityRows } from '../database/entity-rows.js';
import { readRows } from '../database/read-rows.js';
import { Collaborative } from './collaborative.entity.js';
import type { MembershipRole } from './membership.entity.js';

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
 * The read rule in SQL, for queries that check many collaboratives at once: the
 * collaborative in `collaborativeIdColumn` is public or has `reader` as a member. `reader`
 * is the query's placeholder for the person's id (`$1`, `:readerId`). Site staff read
 * everything: callers add that themselves (see `readableCondition`, `readableSql`).
 */
const readableByMember = (collaborativeIdColumn: string, reader: string) =>
  `EXISTS (SELECT 1 FROM collaboratives rc WHERE rc.id = ${collaborativeIdColumn} AND (rc.visibility = 'public'
     OR EXISTS (SELECT 1 FROM collaborative_members rm WHERE rm.collaborative_id = rc.id AND rm.user_id = ${reader})))`;

/**
 * The read rule for a query with positional parameters: `reader` and `staff` are the
 * placeholders of the person's id and of whether they are site staff (`isSiteStaff`).
 */
export const readableSql = (collaborativeIdColumn: string, reader: string, staff: string): string =>
  `(${staff} OR ${readableByMember(collaborativeIdColumn, reader)})`;

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
    // Raw SQL: every read of a thread, reply or list asks this first (see EntityRows).
    const rows = EntityRows.of(this.dataSource, Collaborative, 'c');
    const [row] = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${rows.select}, m.role AS membership_role
         FROM collaboratives c LEFT JOIN collaborative_members m ON m.collaborative_id = c.id AND m.user_id = $2
        WHERE c.id = $1`,
      [collaborativeId, user.id],
    );
    if (!row) return null;
    return this.decide(user, rows.from(row)!, (row.membership_role ?? null) as MembershipRole | null);
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
    const access = await this.lookup(user, collaborativeId);
    if (!access?.canRead) throw new NotFoundException('No collaborative with this id.');
    return access;
  }

  /** 404 when hidden; 409 when archived (read-only); 403 when only members may post. */
  async requirePost(user: AuthUser, collaborativeId: string): Promise<CollaborativeAccess> {
    const access = await this.requireRead(user, collaborativeId);
    if (access.collaborative.archivedAt) throw new ConflictException('This collaborative is archived and read-only.');
    if (!access.canPost) throw new ForbiddenException('Only members of this collaborative can post in it. Ask to join first.');
    return access;
  }

  /** 404 when hidden; 403 unless a lead of this collaborative or a site moderator or admin. */
  async requireModerate(user: AuthUser, collaborativeId: string): Promise<CollaborativeAccess> {
    const access = await this.requireRead(user, collaborativeId);
    if (!access.canModerate) throw new ForbiddenException("Only this collaborative's leads and site moderators can do this.");
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
  async mayReadEach(manager: EntityManager, pairs: Array<{ userId: string; collaborativeId: string | null }>): Promise<boolean[]> {
    if (pairs.length === 0) return [];
    const rows: Array<{ readable: boolean }> = await manager.query(
      `SELECT u.id IS NOT NULL AND (d.collaborative_id IS NULL OR (c.id IS NOT NULL AND (c.visibility = 'public'
                OR u.role IN ('moderator', 'admin') OR m.user_id IS NOT NULL))) AS readable
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS d(user_id, collaborative_id, position)
         LEFT JOIN users u ON u.id = d.user_id
         LEFT JOIN collaboratives c ON c.id = d.collaborative_id
         LEFT JOIN collaborative_members m ON m.collaborative_id = d.collaborative_id AND m.user_id = d.user_id
        ORDER BY d.position`,
      [pairs.map((pair) => pair.userId), pairs.map((pair) => pair.collaborativeId)],
    );
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
