import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';

import { Clock } from '../common/clock.js';
import { UUID } from '../common/uuid.js';
import type { AuthUser } from '../identity/auth-user.js';
import { EndedSessions } from './ended-sessions.js';
import { SessionsService } from './sessions.service.js';

/** Why a token was refused: HTTP says which, a socket only that it was unauthorised. */
export type TokenRefusal = 'invalid' | 'expired' | 'ended' | 'suspended';

export type TokenCheck = { user: AuthUser; expiresAt: number } | { refused: TokenRefusal };

/** What a correctly signed, unexpired token claims, before its session is looked up. */
export interface TokenClaims {
  userId: string;
  sessionId: string;
  expiresAt: number;
}

export type ClaimsCheck = { claims: TokenClaims } | { refused: 'invalid' | 'expired' };

/**
 * The one check of an access token, for requests and socket handshakes alike: HS256 only
 * (so `alg: none` and key confusion fail), then the session must still be live and the
 * person not suspended. The role comes from the database, so a role change or
 * suspension counts at once.
 *
 * The check is in two steps so the request limits can count a caller by the signature
 * alone, before anything is asked of the database.
 */
@Injectable()
export class AccessTokens {
  private readonly ended = new EndedSessions();

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  /** Signature, expiry and shape only: no database. */
  verify(token: string): ClaimsCheck {
    let payload: { sub?: unknown; sid?: unknown; exp?: unknown };
    try {
      payload = this.jwt.verify(token, { clockTimestamp: Math.floor(this.clock.nowMs() / 1000) });
    } catch (error) {
      return { refused: error instanceof TokenExpiredError ? 'expired' : 'invalid' };
    }
    const { sub, sid, exp } = payload;
    if (
      typeof sub !== 'string' ||
      typeof sid !== 'string' ||
      typeof exp !== 'number' ||
      !UUID.test(sub) ||
      !UUID.test(sid)
    )
      return { refused: 'invalid' };
    return { claims: { userId: sub, sessionId: sid, expiresAt: exp * 1000 } };
  }

  /**
   * Whether the claimed session is live. An ended session never comes back, so a refusal
   * for one is remembered a while: a flood of its token costs no query each.
   */
  async checkSession(claims: TokenClaims): Promise<TokenCheck> {
    if (this.ended.has(claims.sessionId, this.clock.nowMs())) return { refused: 'ended' };
    const caller = await this.sessions.resolveCaller(claims.userId, claims.sessionId);
    if (!caller) {
      this.ended.add(claims.sessionId, this.clock.nowMs());
      return { refused: 'ended' };
    }
    if (caller.suspended) return { refused: 'suspended' };
    return { user: { id: caller.id, role: caller.role, sessionId: caller.sessionId }, expiresAt: claims.expiresAt };
  }

  async check(token: string): Promise<TokenCheck> {
    const verified = this.verify(token);
    return 'refused' in verified ? verified : this.checkSession(verified.claims);
  }
}
