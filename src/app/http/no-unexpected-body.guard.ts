import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

import { ValidationProblem } from '../../common/problem-details.js';

/**
 * Where Nest keeps a handler's parameter decorators: keys `${paramtype}:${index}`, with
 * 3 for @Body(). Read directly because Nest exports the constants only from its internals.
 */
const ROUTE_ARGS = '__routeArguments__';
const BODY_PARAMTYPE = '3';

function declaresBody(context: ExecutionContext): boolean {
  const args: Record<string, unknown> =
    Reflect.getMetadata(ROUTE_ARGS, context.getClass(), context.getHandler().name) ?? {};
  return Object.keys(args).some((key) => key.split(':')[0] === BODY_PARAMTYPE);
}

/**
 * Global: a route that takes no body refuses one with fields, exactly as a DTO refuses
 * unknown fields, so `{ "role": "admin" }` sent to `POST …/archive` is never silently
 * ignored. An empty object is no request for anything and passes.
 */
@Injectable()
export class NoUnexpectedBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    if (body === undefined || body === null || declaresBody(context)) return true;
    const isObject = typeof body === 'object' && !Array.isArray(body);
    if (isObject && Object.keys(body).length === 0) return true;
    const errors = isObject
      ? Object.keys(body).map((field) => ({
          field,
          message: `property ${field} should not exist: this route takes no request body`,
        }))
      : [{ field: 'body', message: 'This route takes no request body' }];
    throw new ValidationProblem(errors);
  }
}
