import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { networkOf } from '../../common/network-of.js';
import type { AuthUser } from '../auth-user.js';

/**
 * The general limit counts per person when signed in, per network otherwise (an IPv6
 * caller's /64, see networkOf), across all routes: one budget a caller, as the
 * configuration says, where the library would keep one per route (and hash its name
 * into every key). The storage adds the throttler's name, so a route that needs a limit
 * of its own must use a named throttler, not `@Throttle` on 'default', or it would share
 * (and reset) everyone's general window.
 */
@Injectable()
export class ForumThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: { user?: AuthUser; ip: string }): Promise<string> {
    return request.user ? `user:${request.user.id}` : `ip:${networkOf(request.ip)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }
}
