import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';

import type { AuthUser } from '../../identity/auth-user.js';
import { IS_PUBLIC } from '../../identity/public.decorator.js';
import { AccessTokens, type TokenRefusal } from '../access-tokens.service.js';
import { claimsOf } from '../request-claims.js';

const REFUSALS: Record<TokenRefusal, string> = {
  invalid: 'The access token is not valid. Sign in again.',
  expired: 'The access token has expired. Refresh it or sign in again.',
  ended: 'This session has ended. Sign in again.',
  suspended: 'Your account is suspended.',
};

/** Global: every route needs a valid access token unless it is marked @Public(); the caller becomes `request.user`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const verified = claimsOf(request, this.tokens);
    if (!verified)
      throw new UnauthorizedException('Sign in first: send the access token as "Authorization: Bearer <token>".');
    if ('refused' in verified) throw new UnauthorizedException(REFUSALS[verified.refused]);
    const checked = await this.tokens.checkSession(verified.claims);
    if ('refused' in checked) throw new UnauthorizedException(REFUSALS[checked.refused]);
    request.user = checked.user;
    return true;
  }
}
