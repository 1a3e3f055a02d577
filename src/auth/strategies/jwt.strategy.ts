import { createSecretKey } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../config/app-config.js';
import type { AuthUser } from '../auth-user.js';
import { SessionsService } from '../sessions.service.js';

interface AccessTokenPayload {
  sub?: unknown;
  sid?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bearer access tokens: HS256 only (so `alg: none` and key confusion fail), then the
 * session must still be live and the person not suspended. The role comes from the
 * database, so a role change or suspension counts at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken first tries it as a PEM public
      // key on every request (an exception per request) before taking it as a secret.
      // Declared as string because passport-jwt's types predate KeyObject; it passes the
      // key through to jsonwebtoken, which accepts it.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser> {
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !UUID.test(payload.sub) || !UUID.test(payload.sid)) {
      throw new UnauthorizedException('The access token is not valid. Sign in again.');
    }
    const caller = await this.sessions.resolveCaller(payload.sub, payload.sid);
    if (!caller) throw new UnauthorizedException('This session has ended. Sign in again.');
    if (caller.suspended) throw new UnauthorizedException('Your account is suspended.');
    return { id: caller.id, role: caller.role, sessionId: caller.sessionId };
  }
}
