import type { CookieSerializeOptions } from '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';

export const REFRESH_COOKIE = 'forum_refresh';

/** Only the refresh, logout and sign-out-everywhere routes live here, so no other request carries the token. */
export const REFRESH_COOKIE_PATH = '/api/auth';

/**
 * Where the refresh token lives between calls: an HttpOnly cookie, so no script on the page
 * (an injected one included) can read it. SameSite=Strict keeps browsers from sending it on
 * requests that other sites start; the same-origin guard on the routes that read it refuses
 * what is left.
 */
@Injectable()
export class RefreshCookie {
  /** Secure needs HTTPS; a forum run over plain http://localhost in development must still sign in. */
  private readonly secure: boolean;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.secure = new URL(config.publicUrl).protocol === 'https:';
  }

  private options(maxAgeSeconds: number): CookieSerializeOptions {
    return {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      maxAge: maxAgeSeconds,
    };
  }

  /** The cookie lasts exactly as long as the session it belongs to. */
  set(reply: FastifyReply, token: string, sessionExpiresAt: Date): void {
    const remaining = Math.max(0, Math.floor((sessionExpiresAt.getTime() - this.clock.nowMs()) / 1000));
    reply.setCookie(REFRESH_COOKIE, token, this.options(remaining));
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
    });
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies[REFRESH_COOKIE] || undefined;
  }
}
