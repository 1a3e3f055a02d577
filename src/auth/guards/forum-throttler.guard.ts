import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';

import { TooManyRequestsProblem } from '../../common/too-many-requests.js';
import { AccessTokens } from '../access-tokens.service.js';
import { limitedCaller } from '../request-claims.js';

/**
 * The general limit counts per person when signed in, per network otherwise (an IPv6
 * caller's /64, see networkOf), across all routes: one budget a caller, as the
 * configuration says, where the library would keep one per route (and hash its name
 * into every key). The storage adds the throttler's name, so a route that needs a limit
 * of its own must use a named throttler, not `@Throttle` on 'default', or it would share
 * (and reset) everyone's general window.
 *
 * It runs first, before the session is looked up: a person is known by the token's
 * signature alone, so a flood costs no database query past the limit, and a request
 * with a missing or forged token counts against its network.
 */
@Injectable()
export class ForumThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: { headers: Record<string, unknown>; ip: string }): Promise<string> {
    return limitedCaller(request, this.tokens);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  /** The library's own message is "ThrottlerException: Too Many Requests"; say when to come back. */
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    const wait = Math.max(1, limit.timeToBlockExpire);
    throw new TooManyRequestsProblem(`Too many requests. Try again in ${wait} second${wait === 1 ? '' : 's'}.`, wait);
  }
}
