import type { LoggerService } from '@nestjs/common';
import { type Logger, pino } from 'pino';

import { readableLogStream } from './readable-log.js';

/**
 * JSON lines on stdout, or short readable lines when `readable` (a person watching a terminal);
 * credentials never reach the log even if someone logs a request.
 */
export function createLogger(level: string, { readable = false } = {}): Logger {
  const options = {
    level,
    base: { service: 'collaboratives-forum' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.refreshToken',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
  };
  return readable ? pino(options, readableLogStream()) : pino(options);
}

/** Nest's start-up chatter (a line per module and per route, about 150): wanted only when debugging. */
const START_UP_DETAIL = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);

/** Lets Nest's own `Logger` write through the same pino instance. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]) {
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const child = context ? this.logger.child({ context }) : this.logger;
    if (message instanceof Error) child[level]({ err: message }, message.message);
    else if (typeof message === 'object' && message !== null) child[level](message, String(params[0] ?? ''));
    else child[level](String(message));
  }

  log(message: unknown, ...params: unknown[]) {
    const context = params[params.length - 1];
    this.write(typeof context === 'string' && START_UP_DETAIL.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    // Nest passes a stack string before the context; keep it as a field, not the message.
    this.write(
      'error',
      message,
      params.filter((param) => !(typeof param === 'string' && param.includes('\n    at '))),
    );
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }
}
