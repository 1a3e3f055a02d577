import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { networkOf } from '../common/network-of.js';
import { problem } from '../common/problem-details.js';
import { AppConfig } from '../config/app-config.js';

/** Answers that cost a caller nothing to provoke: no valid token, not allowed, no such route. */
const REJECTED = new Set([401, 403, 404, 405]);
const WINDOW_MS = 60_000;

/**
 * A budget of refused requests per network (an IPv6 caller's /64). The general limit
 * counts only requests that reach a route's guards; this one also sees unknown routes,
 * and once a network has used it up every request from it is answered 429 in the
 * request's first hook, before routing, tokens or the database. Counts live in the
 * throttler's storage (Redis with several instances); each instance remembers a block
 * it has been told of, so a blocked caller costs it nothing at all.
 */
@Injectable()
export class RejectBudget implements OnApplicationShutdown {
  private readonly blockedUntil = new Map<string, number>();
  private readonly sweep = setInterval(() => this.forgetEnded(Date.now()), WINDOW_MS).unref();

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      if (exempt(request)) return;
      const until = this.blockedUntil.get(networkOf(request.ip)) ?? 0;
      const now = Date.now();
      if (until > now) return refuse(request, reply, Math.ceil((until - now) / 1000));
    });
    fastify.addHook('onResponse', async (request, reply) => {
      if (!REJECTED.has(reply.statusCode) || exempt(request)) return;
      const network = networkOf(request.ip);
      // The storage blocks once hits pass its limit; one less blocks right after the last allowed refusal.
      const counted = await this.storage
        .increment(`rejects:${network}`, WINDOW_MS, this.config.rateLimits.rejectsPerIp - 1, 0, 'rejects')
        .catch(() => null);
      if (counted?.isBlocked) this.blockedUntil.set(network, Date.now() + counted.timeToBlockExpire * 1000);
    });
  }

  private forgetEnded(now: number): void {
    for (const [network, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(network);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }
}

/** Health checks answer whatever the caller did: a load balancer must never be refused. */
function exempt(request: FastifyRequest): boolean {
  return request.url.startsWith('/health/');
}

function refuse(request: FastifyRequest, reply: FastifyReply, retryAfter: number): FastifyReply {
  const detail = `Too many refused requests from your network (missing or invalid sign-in, not allowed, or no such address). Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`;
  return reply
    .code(429)
    .header('retry-after', String(retryAfter))
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem(429, detail), instance: request.url.split('?')[0], requestId: String(request.id) });
}
