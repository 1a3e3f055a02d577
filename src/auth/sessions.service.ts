import { createHash, randomBytes } from 'node:crypto';

import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, MoreThan, type Repository } from 'typeorm';

import { Clock } from '../common/clock.js';
import { readRows } from '../database/read-rows.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { SessionDto } from './dto/auth.dto.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Session } from './session.entity.js';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const SIGN_IN_AGAIN = 'Sign in again.';

/** Sign-in sessions and the refresh tokens that rotate within them. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly events: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Starts a session and returns its first refresh token (only its hash is kept). */
  async start(userId: string, userAgent: string, ip: string): Promise<{ session: Session; refreshToken: string }> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.save(
        manager.create(Session, {
          userId,
          userAgent: userAgent.slice(0, 300),
          ip,
          expiresAt: new Date(this.clock.nowMs() + SESSION_LIFETIME_MS),
        }),
      );
      return { session, refreshToken: await this.issueToken(manager, session.id) };
    });
  }

  private async issueToken(manager: EntityManager, sessionId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, { tokenHash: hashToken(token), sessionId });
    return token;
  }

  /**
   * Swaps a refresh token for a new one. A token that was already used means someone
   * else holds a copy: the whole session ends, for the thief and the owner alike.
   */
  async rotate(refreshToken: string): Promise<{ session: Session; refreshToken: string }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      // Row lock: two refreshes racing with one token are serialised, and the second is a reuse.
      const token = await manager
        .createQueryBuilder(RefreshToken, 'token')
        .innerJoinAndSelect('token.session', 'session')
        .where('token.tokenHash = :hash', { hash: hashToken(refreshToken) })
        .setLock('pessimistic_write', undefined, ['token'])
        .getOne();
      if (!token?.session) return { error: `This refresh token is not valid. ${SIGN_IN_AGAIN}` };
      const session = token.session;
      if (session.endedAt || session.expiresAt <= this.clock.now())
        return { error: `This session has ended. ${SIGN_IN_AGAIN}` };
      if (token.usedAt) {
        await this.endWhere(manager, 'refresh-token-reused', 'id = :id', { id: session.id });
        return {
          error: `This refresh token was already used, so the session has been ended to protect your account. ${SIGN_IN_AGAIN}`,
        };
      }
      await manager.update(RefreshToken, { tokenHash: token.tokenHash }, { usedAt: new Date() });
      await manager.update(Session, { id: session.id }, { lastUsedAt: new Date() });
      return { session, refreshToken: await this.issueToken(manager, session.id) };
    });
    // Thrown after commit, so ending a reused session is kept.
    if ('error' in outcome) throw new UnauthorizedException(outcome.error);
    return outcome;
  }

  async end(sessionId: string, reason: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.endWhere(manager, reason, 'id = :sessionId', { sessionId }));
  }

  /** Ends one of the caller's own sessions; someone else's looks missing. */
  async endOwn(caller: AuthUser, sessionId: string): Promise<void> {
    const ended = await this.dataSource.transaction((manager) =>
      this.endWhere(manager, 'ended-by-user', 'id = :sessionId AND user_id = :userId', {
        sessionId,
        userId: caller.id,
      }),
    );
    if (ended.length === 0) throw new NotFoundException('No active session of yours has this id.');
  }

  async endAllFor(userId: string, reason: string, except?: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.endAllIn(manager, userId, reason, except));
  }

  /** As {@link endAllFor}, inside the caller's transaction (a password reset's, say). */
  async endAllIn(manager: EntityManager, userId: string, reason: string, except?: string): Promise<void> {
    const others = except ? ' AND id <> :except' : '';
    await this.endWhere(manager, reason, `user_id = :userId${others}`, { userId, except });
  }

  /**
   * Ends the live sessions `where` picks and, in the same transaction, appends
   * `session.ended` for their person: an access token fails over HTTP at once, but a socket
   * opened with it would stay until the token expires, so every instance closes the
   * sockets of exactly these sessions when the event reaches it. Answers the ids ended.
   */
  private async endWhere(
    manager: EntityManager,
    reason: string,
    where: string,
    params: Record<string, unknown>,
  ): Promise<string[]> {
    const result = await manager
      .createQueryBuilder()
      .update(Session)
      .set({ endedAt: new Date(), endReason: reason })
      .where(`ended_at IS NULL AND ${where}`, params)
      .returning('id, user_id')
      .execute();
    const ended = result.raw as Array<{ id: string; user_id: string }>;
    const byPerson = new Map<string, string[]>();
    for (const { id, user_id: userId } of ended) byPerson.set(userId, [...(byPerson.get(userId) ?? []), id]);
    await this.events.appendMany(
      manager,
      [...byPerson].map(([userId, sessionIds]) => ({
        type: 'session.ended' as const,
        userId,
        payload: { userId, sessionIds },
      })),
    );
    return ended.map((row) => row.id);
  }

  async listActive(caller: AuthUser): Promise<SessionDto[]> {
    const sessions = await this.sessions.find({
      where: { userId: caller.id, endedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { lastUsedAt: 'DESC' },
      take: 100,
    });
    return sessions.map((session) => ({
      id: session.id,
      userAgent: session.userAgent,
      ip: session.ip,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      current: session.id === caller.sessionId,
    }));
  }

  /** The caller behind an access token, if the session is live and the person not suspended. */
  async resolveCaller(userId: string, sessionId: string): Promise<(AuthUser & { suspended: boolean }) | null> {
    const rows = await readRows<{ role: AuthUser['role']; suspended: boolean }>(
      this.dataSource,
      `SELECT u.role,
              (u.status = 'suspended' AND (u.suspended_until IS NULL OR u.suspended_until > $3)) AS suspended
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > $3`,
      [sessionId, userId, this.clock.now()],
    );
    const row = rows[0];
    return row ? { id: userId, sessionId, role: row.role, suspended: row.suspended } : null;
  }
}
