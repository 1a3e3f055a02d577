import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthUser } from '../auth-user.js';

/** The general limit counts per person when signed in, per address otherwise. */
@Injectable()
export class ForumThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: { user?: AuthUser; ip: string }): Promise<string> {
    return request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
  }
}
