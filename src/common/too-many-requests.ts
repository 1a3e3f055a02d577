import { HttpException, HttpStatus } from '@nestjs/common';

import { problem } from './problem-details.js';

/** A 429 that tells the client when to try again (sent as `Retry-After`). */
export class TooManyRequestsProblem extends HttpException {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(problem(HttpStatus.TOO_MANY_REQUESTS, detail), HttpStatus.TOO_MANY_REQUESTS);
  }
}
