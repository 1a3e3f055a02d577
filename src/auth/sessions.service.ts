import { createHash, randomBytes } from 'node:crypto';
import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Not, type EntityManager, type Repository } from 'typeorm';
import { readRows } from '../database/read-rows.js';
import type { AuthUser } from './auth-user.js';
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
  ) {}

  /** Starts a session and returns its first refresh token (only its hash is kept). */
  async start(userId: string, userAgent: string, ip: string): Promise<{ session: Session; refreshToken: string }> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.save(
        manager.create(Session, { userId, userAgent: userAgent.slice(0, 300), ip, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) }),
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
      if (session.endedAt || session.expiresAt <= new Date()) return { error: `This session has ended. ${SIGN_IN_AGAIN}` };
      if (token.usedAt) {
        await manager.update(Session, { id: session.id }, { endedAt: new Date(), endReason: 'refresh-token-reused' });
        return { error: `This refresh token was already used, so the session has been ended to protect your account. ${SIGN_IN_AGAIN}` };
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
    await this.sessions.update({ id: sessionId, endedAt: IsNull() }, { endedAt: new Date(), endReason: reason });
  }

  /** Ends one of the caller's own sessions; someone else's looks missing. */
  async endOwn(caller: AuthUser, sessionId: string): Promise<void> {
    const result = await this.sessions.update(
      { id: sessionId, userId: caller.id, endedAt: IsNull() },
      { endedAt: new Date(), endReason: 'ended-by-user' },
    );
    if (!result.affected) throw new NotFoundException('No active session of yours has this id.');
  }

  async endAllFor(userId: string, reason: string, except?: string): Promise<void> {
    await this.sessions.update(
      { userId, endedAt: IsNull(), ...(except ? { id: Not(except) } : {}) },
      { endedAt: new Date(), endReason: reason },
    );
  }

  async listActive(caller: AuthUser): Promise<SessionDto[]> {
    const sessions = await this.sessions.find({
      where: { userId: caller.id, endedAt: IsNull(), expiresAt: MoreThan(new Date()) },
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
              (u.status = 'suspended' AND (u.suspended_until IS NULL OR u.suspended_until > now())) AS suspended
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now()`,
      [sessionId, userId],
    );
    const row = rows[0];
    return row ? { id: userId, sessionId, role: row.role, suspended: row.suspended } : null;
  }
}
