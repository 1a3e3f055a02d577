import { describe, expect, test } from '@jest/globals';

import { readableLogStream } from './readable-log.js';

function written(...entries: object[]): string[] {
  const lines: string[] = [];
  const stream = readableLogStream({ write: (text: string) => lines.push(text) });
  for (const entry of entries) stream.write(`${JSON.stringify(entry)}\n`);
  return lines.map((line) => line.replace(/^\d{2}:\d{2}:\d{2} /, ''));
}

describe('readableLogStream', () => {
  test('one line per entry: level, context and words, with fields that add something', () => {
    expect(
      written(
        {
          level: 30,
          time: 0,
          service: 'collaboratives-forum',
          msg: 'Using embedded PostgreSQL',
          database: 'embedded PostgreSQL',
        },
        { level: 40, time: 0, context: 'Mail', msg: 'Outbox slow', pending: 3 },
      ),
    ).toEqual(['info  Using embedded PostgreSQL\n', 'WARN  Mail: Outbox slow  {"pending":3}\n']);
  });

  test('a request is one line with its answer; the "incoming request" line is left out', () => {
    expect(
      written(
        { level: 30, time: 0, reqId: 'a', msg: 'incoming request', req: { method: 'GET', url: '/api/threads' } },
        {
          level: 30,
          time: 0,
          reqId: 'a',
          msg: 'request completed',
          req: { method: 'GET', url: '/api/threads' },
          res: { statusCode: 200 },
          responseTime: 12.4,
        },
      ),
    ).toEqual(['info  GET /api/threads → 200 (12 ms)\n']);
  });

  test('an error shows its stack below the line', () => {
    const [line] = written({
      level: 50,
      time: 0,
      msg: 'Unhandled error',
      err: { message: 'boom', stack: 'Error: boom\n    at x' },
    });
    expect(line).toBe('ERROR Unhandled error\nError: boom\n    at x\n');
  });
});
