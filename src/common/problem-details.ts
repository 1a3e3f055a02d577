import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  /** Path of the offending field, e.g. `title` or `outcomeMeasures[0].label`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error leaves the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request too large',
  414: 'URL too long',
  415: 'Unsupported media type',
  422: 'Cannot be processed',
  429: 'Too many requests',
  431: 'Headers too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  408: 'request-timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  431: 'headers-too-large',
  500: 'internal-error',
  503: 'unavailable',
};

export function problemType(status: number): string {
  return `/problems/${SLUGS[status] ?? `http-${status}`}`;
}

export function problem(status: number, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: problemType(status), title: TITLES[status] ?? `HTTP ${status}`, status, detail, ...extra };
}

/** A 400 with one entry per invalid field, thrown by the global ValidationPipe. */
export class ValidationProblem extends HttpException {
  constructor(readonly errors: FieldError[]) {
    const fields = [...new Set(errors.map((error) => error.field))];
    const detail =
      fields.length === 1
        ? `${errors.map((error) => error.message).join('; ')}.`
        : `${fields.length} fields are invalid: ${fields.join(', ')}.`;
    super(
      problem(HttpStatus.BAD_REQUEST, detail, { type: '/problems/validation', title: 'Invalid request', errors }),
      HttpStatus.BAD_REQUEST,
    );
  }
}
