import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** The caller's address (proxy-aware when TRUST_PROXY is set) and user agent. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
});
