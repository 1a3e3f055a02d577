import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { problem, type ProblemDetails } from '../../common/problem-details.js';
import { TooManyRequestsProblem } from '../../common/too-many-requests.js';
import { isDatabaseUnavailable } from '../../database/database-errors.js';

/** Fastify rejects some requests before they reach a controller; say why in words a client can act on. */
const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is larger than the 1 MiB limit.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request body as application/json.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request says it has a JSON body but the body is empty.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
};

/**
 * Nest's ParseUUIDPipe says "Validation failed (uuid is expected)": a person following a broken
 * link needs more, and the web client a type of its own to show its "Page not found" for it.
 */
const PIPE_PROBLEMS: Record<string, Partial<ProblemDetails>> = {
  'Validation failed (uuid is expected)': {
    type: '/problems/not-an-id',
    title: 'Not a valid address',
    detail:
      'This address does not lead to anything: the id in it is incomplete or mistyped. Check the link, or copy the whole address again.',
  },
};

interface ErrorWithStatus {
  statusCode?: number;
  code?: string;
  message?: string;
}

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'type' in body && 'status' in body) {
      return body as ProblemDetails;
    }
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
    return { ...problem(status, detail), ...PIPE_PROBLEMS[detail] };
  }
  const error = exception as ErrorWithStatus;
  if (typeof error?.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return problem(400, FASTIFY_DETAILS.FST_ERR_CTP_INVALID_JSON_BODY!);
    }
    return problem(error.statusCode, FASTIFY_DETAILS[error.code ?? ''] ?? error.message ?? 'The request was refused.');
  }
  if (isDatabaseUnavailable(exception)) {
    return problem(503, 'The database is not answering. Try again in a few seconds.');
  }
  return problem(500, 'Something went wrong on our side. It has been logged; quote the request id if you report it.');
}

/** Seconds a client should wait before retrying a 503. */
const RETRY_AFTER_UNAVAILABLE = 5;

/** Every HTTP error leaves as RFC 9457 problem details, with no stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const details: ProblemDetails = {
      ...toProblem(exception),
      instance: request.url.split('?')[0],
      requestId: String(request.id),
    };
    if (details.status === 503) {
      this.logger.warn(
        { requestId: request.id, url: request.url, reason: (exception as Error)?.message },
        'Database unavailable',
      );
      reply.header('retry-after', String(RETRY_AFTER_UNAVAILABLE));
    } else if (details.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id, url: request.url }, 'Unhandled error');
    }
    if (details.status === 401) reply.header('www-authenticate', 'Bearer');
    if (exception instanceof TooManyRequestsProblem) reply.header('retry-after', String(exception.retryAfterSeconds));
    reply.status(details.status).type('application/problem+json; charset=utf-8').send(details);
  }
}
