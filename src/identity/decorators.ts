import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

import type { AuthUser } from './auth-user.js';
import type { Role } from './role.js';

export const ROLES_KEY = 'roles';

/** Narrows a route to these site roles (checked by RolesGuard after sign-in). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in caller. Only on private routes: the global guard guarantees it is set. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
