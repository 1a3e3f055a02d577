import fc from 'fast-check';

/** A string just under the 1 MiB body limit once quoted, so it reaches validation. */
export const ONE_MB = 'x'.repeat(1_000_000);
/** 4-byte characters: a million bytes of UTF-8 in a quarter of the code units. */
const ONE_MB_OF_EMOJI = '\u{1F4A9}'.repeat(250_000);

/** Characters that break naive code: NUL, lone surrogates, bidi overrides, BOM, combining marks. */
const EDGE_TEXT = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e\u202d',
  '\ufeff',
  '\u200b',
  '\u0301',
  'e\u0301',
  '\uffff',
  '\u{10ffff}',
  '👩‍⚕️',
  '𝕏𝕐',
  'ﷺ',
  'Ω≈ç√∫',
  '\r\n\r\n',
  '\\',
  '%',
  '_',
  '%_\\',
  "'",
  '"',
  "'; DROP TABLE users; --",
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  '1e999',
];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(ONE_MB, ONE_MB_OF_EMOJI, 'y'.repeat(5000)) },
);

/** `{"__proto__": …}` as an own key, the way JSON.parse makes it (an object literal would set the prototype). */
export const protoKeyed = (value: unknown) =>
  JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Record<string, unknown>;

function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** Any JSON value a careless server might choke on, for one field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, -(2 ** 63), 1e308)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2, maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      protoKeyed({ role: 'admin' }),
      { constructor: { prototype: { role: 'admin' } } },
      nestedArrays(2000),
    ),
  },
);

/** Names that should never be accepted as body or query keys. */
export const hostileKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'role',
  'id',
  'status',
  'createdAt',
  'authorId',
  'unknownField',
  '',
  ' ',
  'a.b',
  'a[b]',
  '$where',
  '\u0000',
);

const UUID_LIKE = '00000000-0000-4000-8000-000000000000';

/** Path segments, already encoded: malformed ids, traversal, encodings a router may mishandle. */
export const MALFORMED_SEGMENTS = [
  'not-a-uuid',
  UUID_LIKE.slice(0, -1),
  `${UUID_LIKE}0`,
  `g${UUID_LIKE.slice(1)}`,
  `{${UUID_LIKE}}`,
  `${UUID_LIKE}%00`,
  '%00',
  '%ZZ',
  '%ED%A0%80',
  '%F0%9F%92%A9',
  '%2e%2e%2f%2e%2e%2fetc',
  '..',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '-1',
  '0',
  '1e999',
  'NaN',
  '%27%20OR%201%3D1--',
  '%20',
  'a'.repeat(300),
  '%E2%80%AE',
  UUID_LIKE.toUpperCase(),
];

/** Malformed cursors: garbage, and well-formed base64 JSON of the wrong shapes and values. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'x', '!!!', '%00', 'e30', 'W10', 'bnVsbA', 'a'.repeat(600)),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '1',
          '0',
          'Tue',
          '2020-13-45',
          '-271821-04-20T00:00:00Z',
          '+275760-09-13T00:00:00.000Z',
          '2020-01-01T00:00:00.000Z\u0000',
          '',
          '\u0000',
        ),
        fc.uuid(),
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.oneof(fc.integer(), fc.double(), fc.constant(1e308)),
        fc.constantFrom(null, true, [], {}),
      ),
      { maxLength: 3 },
    )
    .map((values) => Buffer.from(JSON.stringify(values)).toString('base64url')),
);

/** Event ids: digits past bigint, negatives, decimals. */
export const hostileEventId = fc.constantFrom(
  '9999999999999999999',
  '9223372036854775808',
  '-1',
  '1.5',
  '0x10',
  '',
  '00000000000000000001',
  '18446744073709551616',
);
