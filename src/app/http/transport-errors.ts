import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

import type { FastifyReply, FastifyRequest } from 'fastify';

import { problem } from '../../common/problem-details.js';

/**
 * Errors answered before any route, hook or Nest filter runs still leave as problem
 * details. Helmet's hooks have not run either, so these carry the strictest policy
 * themselves: an error body never needs to load anything.
 */
const ERROR_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

const ROUTER_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid: a percent-encoded part does not decode to UTF-8 text.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the URL path is too long to be an id or a name.',
};

/** Fastify's `frameworkErrors`: the router refused a malformed URL (400) or an over-long path parameter (414). */
export function sendRouterProblem(
  error: Error & { statusCode?: number; code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const details = {
    ...problem(status, ROUTER_DETAILS[error.code ?? ''] ?? 'The request URL was refused.'),
    requestId: String(request.id),
  };
  reply
    .code(status)
    .headers({ ...ERROR_SECURITY_HEADERS, 'x-request-id': String(request.id) })
    .type('application/problem+json; charset=utf-8')
    .send(details);
}

const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request line or headers are larger than the server accepts.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request took too long to arrive.' },
};

/** Fastify's `clientErrorHandler`: Node's HTTP parser refused the request, so only the socket is left to answer on. */
export function writeClientErrorProblem(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? {
    status: 400,
    detail: 'The HTTP request is malformed.',
  };
  const body = JSON.stringify(problem(status, detail));
  const headers = Object.entries({
    ...ERROR_SECURITY_HEADERS,
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n\r\n${body}`);
  socket.destroy(error);
}
