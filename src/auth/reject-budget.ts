import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { Clock } from '../common/clock.js';
import { problem } from '../common/problem-details.js';
import { AppConfig } from '../config/app-config.js';
import { AccessTokens } from './access-tokens.service.js';
import { REFRESH_COOKIE } from './refresh-cookie.js';
import { limitedCaller } from './request-claims.js';

/** Answers that cost a caller nothing to provoke: no valid token, not allowed, no such route. */
const REJECTED = new Set([401, 403, 404, 405]);
const WINDOW_MS = 60_000;

/**
 * A budget of refused requests per caller: a person when the token's signature is good, a
 * network (an IPv6 caller's /64) otherwise. The general limit counts only requests that
 * reach a route's guards; this one also sees unknown routes, and once a caller has used it
 * up every API request from it is answered 429 in the request's first hook, before
 * routing, the session lookup or the database. A whole trust may share one address, so a
 * signed-in person's refusals count against that person, and a blocked address still
 * lets its signed-in people through. Counts live in the throttler's storage (Redis with
 * several instances); each instance remembers a block it has been told of.
 */
@Injectable()
export class RejectBudget implements OnApplicationShutdown {
  private readonly blockedUntil = new Map<string, number>();
  private readonly sweep = setInterval(() => this.forgetEnded(this.clock.nowMs()), WINDOW_MS).unref();

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: AppConfig,
    private readonly tokens: AccessTokens,
    private readonly clock: Clock,
  ) {}

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      const until = this.blockedUntil.get(this.callerOf(request)) ?? 0;
      const now = this.clock.nowMs();
      if (until > now) return refuse(request, reply, Math.ceil((until - now) / 1000));
    });
    fastify.addHook('onResponse', async (request, reply) => {
      if (!REJECTED.has(reply.statusCode) || free(request)) return;
      const caller = this.callerOf(request);
      // The storage blocks once hits pass its limit; one less blocks right after the last allowed refusal.
      const counted = await this.storage
        .increment(`rejects:${caller}`, WINDOW_MS, this.config.rateLimits.rejectsPerIp - 1, 0, 'rejects')
        .catch(() => null);
      if (counted?.isBlocked) this.blockedUntil.set(caller, this.clock.nowMs() + counted.timeToBlockExpire * 1000);
    });
  }

  private callerOf(request: FastifyRequest): string {
    return limitedCaller(request, this.tokens);
  }

  private forgetEnded(now: number): void {
    for (const [caller, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(caller);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }
}

/**
 * Refusals that cost the forum nothing and that ordinary use makes all the time: health
 * checks, and the refresh a signed-out page sends to learn that nobody is signed in.
 */
function free(request: FastifyRequest): boolean {
  if (request.url.startsWith('/health/')) return true;
  return request.url.startsWith('/api/auth/refresh') && !request.cookies?.[REFRESH_COOKIE];
}

function refuse(request: FastifyRequest, reply: FastifyReply, retryAfter: number): FastifyReply {
  const detail = `Too many refused requests (missing or invalid sign-in, not allowed, or no such address). Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`;
  return reply
    .code(429)
    .header('retry-after', String(retryAfter))
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem(429, detail), instance: request.url.split('?')[0], requestId: String(request.id) });
}
