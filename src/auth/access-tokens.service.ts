import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { UUID } from '../common/uuid.js';
import type { AuthUser } from './auth-user.js';
import { SessionsService } from './sessions.service.js';

/** Why a token was refused: HTTP says which, a socket only that it was unauthorised. */
export type TokenRefusal = 'invalid' | 'expired' | 'ended' | 'suspended';

export type TokenCheck = { user: AuthUser; expiresAt: number } | { refused: TokenRefusal };


/**
 * The one check of an access token, for requests and socket handshakes alike: HS256 only
 * (so `alg: none` and key confusion fail), then the session must still be live and the
 * person not suspended. The role comes from the database, so a role change or
 * suspension counts at once.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {}

  async check(token: string): Promise<TokenCheck> {
    let payload: { sub?: unknown; sid?: unknown; exp?: unknown };
    try {
      payload = this.jwt.verify(token);
    } catch (error) {
      return { refused: error instanceof TokenExpiredError ? 'expired' : 'invalid' };
    }
    const { sub, sid, exp } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number' || !UUID.test(sub) || !UUID.test(sid)) return { refused: 'invalid' };
    const caller = await this.sessions.resolveCaller(sub, sid);
    if (!caller) return { refused: 'ended' };
    if (caller.suspended) return { refused: 'suspended' };
    return { user: { id: caller.id, role: caller.role, sessionId: caller.sessionId }, expiresAt: exp * 1000 };
  }
}
