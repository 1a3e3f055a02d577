import type { EntityManager } from 'typeorm';

import type { EventStore } from '../events/event-store.service.js';
import type { MembershipRole } from './membership.entity.js';

/**
 * Counter-exact writes shared by membership and follows. Each runs inside the caller's
 * transaction and changes a counter only when its row really changed, so parallel
 * requests can never double-count.
 */
export async function addFollow(manager: EntityManager, collaborativeId: string, userId: string): Promise<boolean> {
  const inserted = await manager.query(
    `INSERT INTO collaborative_follows (collaborative_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
    [collaborativeId, userId],
  );
  if (inserted.length > 0) {
    await manager.query(`UPDATE collaboratives SET follower_count = follower_count + 1 WHERE id = $1`, [
      collaborativeId,
    ]);
  }
  return inserted.length > 0;
}

export async function removeFollow(manager: EntityManager, collaborativeId: string, userId: string): Promise<boolean> {
  const [, deleted] = await manager.query(
    `DELETE FROM collaborative_follows WHERE collaborative_id = $1 AND user_id = $2 RETURNING 1`,
    [collaborativeId, userId],
  );
  if (deleted > 0) {
    await manager.query(`UPDATE collaboratives SET follower_count = follower_count - 1 WHERE id = $1`, [
      collaborativeId,
    ]);
  }
  return deleted > 0;
}

/** Adds or re-roles a member; a new member also follows the collaborative. */
export async function upsertMember(
  manager: EntityManager,
  events: EventStore,
  collaborativeId: string,
  userId: string,
  role: MembershipRole,
): Promise<void> {
  const [row] = await manager.query(
    `INSERT INTO collaborative_members (collaborative_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (collaborative_id, user_id) DO UPDATE SET role = EXCLUDED.role
     RETURNING (xmax = 0) AS inserted`,
    [collaborativeId, userId, role],
  );
  if (row.inserted) {
    await manager.query(`UPDATE collaboratives SET member_count = member_count + 1 WHERE id = $1`, [collaborativeId]);
    await addFollow(manager, collaborativeId, userId);
  }
  await manager.query(
    `UPDATE join_requests SET status = 'approved', decided_at = now() WHERE collaborative_id = $1 AND user_id = $2 AND status = 'pending'`,
    [collaborativeId, userId],
  );
  await events.append(manager, {
    type: 'membership.changed',
    collaborativeId,
    payload: { collaborativeId, userId, role },
  });
}

/** Removes a member; in a members-only collaborative they stop following too, as they can no longer read it. */
export async function deleteMember(
  manager: EntityManager,
  events: EventStore,
  collaborativeId: string,
  userId: string,
  membersOnly: boolean,
): Promise<boolean> {
  const [, deleted] = await manager.query(
    `DELETE FROM collaborative_members WHERE collaborative_id = $1 AND user_id = $2 RETURNING 1`,
    [collaborativeId, userId],
  );
  if (deleted === 0) return false;
  await manager.query(`UPDATE collaboratives SET member_count = member_count - 1 WHERE id = $1`, [collaborativeId]);
  if (membersOnly) await removeFollow(manager, collaborativeId, userId);
  await events.append(manager, {
    type: 'membership.changed',
    collaborativeId,
    payload: { collaborativeId, userId, role: null },
  });
  return true;
}
