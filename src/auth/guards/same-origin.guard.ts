import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { AppConfig } from '../../config/app-config.js';

const REFUSED =
  'This request came from another site, and this route acts on your sign-in cookie, so only pages of the forum itself may call it.';

/** Origins as a browser writes them in `Origin` (scheme, host and port; no path or slash). */
function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    // Opaque origins (file:, data:) are written "null" and name no site.
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * For routes that act on the refresh cookie: a page on another site must not make the browser
 * spend it. SameSite=Strict already keeps the cookie off such requests in current browsers;
 * this refuses them outright, and also covers a sibling subdomain (same site, other origin).
 * Browsers always send `Sec-Fetch-Site` or `Origin` on a cross-origin POST; a request with
 * neither (curl, a server) is not a browser acting for someone else, so it passes.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  private readonly allowed: Set<string>;

  constructor(config: AppConfig) {
    this.allowed = new Set(
      [config.publicUrl, ...config.corsOrigins].map(originOf).filter((origin): origin is string => origin !== null),
    );
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new ForbiddenException(REFUSED);
    const origin = request.headers.origin;
    if (origin !== undefined && !this.isOwnOrigin(origin, request)) throw new ForbiddenException(REFUSED);
    return true;
  }

  /**
   * PUBLIC_URL or CORS_ORIGINS, or the host the request was sent to: the forum answers on
   * addresses PUBLIC_URL may not name (127.0.0.1 in development, the Vite dev server's proxy).
   * The host is compared without the scheme because a TLS-terminating proxy hides it.
   */
  private isOwnOrigin(origin: string, request: FastifyRequest): boolean {
    // `Origin: null` (a sandboxed frame, a redirect from elsewhere) names no origin at all.
    const parsed = originOf(origin);
    if (parsed === null) return false;
    return this.allowed.has(parsed) || new URL(parsed).host === request.host;
  }
}
