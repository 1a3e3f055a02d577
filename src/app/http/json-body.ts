import type { FastifyBodyParser, FastifyInstance } from 'fastify';

/** Deeper than any body the API defines; deep enough for every DTO with room to spare. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deeply arrays and objects nest, counted on the raw text (strings skipped) so a
 * hostile body is measured before anything recursive (parsing, prototype scans,
 * class-transformer) walks it and overflows the stack.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

/** Fastify's own JSON parsing (prototype poisoning refused), after a nesting limit. For `app.useBodyParser`. */
export function depthLimitedJsonParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(
        Object.assign(new Error(`The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`), {
          statusCode: 400,
        }),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  };
}
