import fc from 'fast-check';

import { fillPath, type Operation, type Parameter, type Schema } from '../support/openapi.js';
import { validBody, validValue } from '../support/schema-values.js';
import {
  hostileCursor,
  hostileEventId,
  hostileKeys,
  hostileText,
  hostileValue,
  MALFORMED_SEGMENTS,
  ONE_MB,
  protoKeyed,
} from './hostile-values.js';

/** One request a fuzz case sends; `label` says what was bent, for failure messages. */
export interface FuzzRequest {
  method: string;
  url: string;
  body?: { raw: string; contentType: string | null };
  label: string;
}

function encode(text: string): string {
  // Lone surrogates cannot be percent-encoded; send them as U+FFFD like a browser would.
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

function segmentArbitrary(targets: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...targets) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(encode) },
  );
}

function queryValueArbitrary(parameter: Parameter): fc.Arbitrary<string> {
  const special = parameter.name === 'cursor' ? [hostileCursor] : parameter.name === 'after' ? [hostileEventId] : [];
  return fc.oneof(
    fc.constant(String(validValue(parameter.schema))),
    fc.constantFrom('', 'true', '-1', '0', '1.5', '1e3', 'NaN', 'Infinity', '99999999999999999999', '[]', '{}', 'null'),
    hostileText.filter((text) => text.length < 4000),
    // Past Node's 16 KiB header limit: refused by the HTTP parser before Fastify sees it.
    fc.constant('q'.repeat(20_000)),
    ...special,
  );
}

/** Declared parameters present or not, some repeated (arrays for scalars), plus hostile extra keys. */
function queryArbitrary(parameters: Parameter[]): fc.Arbitrary<{ query: string; label: string }> {
  const declared = parameters.map((parameter) =>
    fc
      .option(fc.array(queryValueArbitrary(parameter), { minLength: 1, maxLength: 2 }), { nil: undefined })
      .map((values) => ({ name: parameter.name, values })),
  );
  const extra = fc.option(
    fc.tuple(
      fc.oneof(hostileKeys, fc.constantFrom('__proto__[role]', 'constructor[prototype][role]', 'limit[]')),
      hostileText.filter((text) => text.length < 4000),
    ),
    {
      nil: undefined,
      freq: 4,
    },
  );
  return fc.tuple(fc.tuple(...declared), extra).map(([values, extraPair]) => {
    const pairs: string[] = [];
    for (const { name, values: given } of values)
      for (const value of given ?? []) pairs.push(`${name}=${encode(value)}`);
    if (extraPair) pairs.push(`${encode(extraPair[0])}=${encode(extraPair[1])}`);
    return {
      query: pairs.length ? `?${pairs.join('&')}` : '',
      label: pairs.length ? `query ${pairs.join('&').slice(0, 200)}` : '',
    };
  });
}

const json = (value: unknown, label: string) => ({
  raw: JSON.stringify(value),
  contentType: 'application/json',
  label,
});

/** A valid body bent one way: a field missing, mistyped, hostile, an extra key, or the whole body wrong. */
function bodyArbitrary(
  schema: Schema | null,
): fc.Arbitrary<{ raw: string; contentType: string | null; label: string } | undefined> {
  const fields = Object.keys(schema?.properties ?? {});
  const required = schema?.required ?? [];
  const base = () => (schema ? validBody(schema) : {});
  const options: Array<fc.Arbitrary<{ raw: string; contentType: string | null; label: string } | undefined>> = [
    fc.constant(undefined),
    fc.constant(null).map(() => json(base(), 'valid body')),
    fc
      .tuple(hostileKeys, hostileValue)
      .map(([key, value]) =>
        json({ ...base(), ...(key === '__proto__' ? protoKeyed(value) : { [key]: value }) }, `extra key "${key}"`),
      ),
    fc
      .constantFrom<unknown>(null, [], 'text', 42, true, {}, [{}], ONE_MB)
      .map((value) => json(value, `whole body ${JSON.stringify(value).slice(0, 20)}`)),
    fc
      .constantFrom(
        '{',
        '{"a":',
        '[1,]',
        'nul',
        '\u0000',
        '{"a":1,"a":2}',
        '{"__proto__":{"role":"admin"}}',
        '{"constructor":{"prototype":{"role":"admin"}}}',
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        `{"x":"${'y'.repeat(1_100_000)}"}`,
      )
      .map((raw) => ({ raw, contentType: 'application/json', label: `raw body ${raw.slice(0, 40)}` })),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'application/xml',
        null,
      )
      .map((contentType) => ({ raw: JSON.stringify(base()), contentType, label: `content-type ${contentType}` })),
  ];
  if (fields.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...fields), hostileValue)
        .map(([field, value]) =>
          json({ ...base(), [field]: value }, `field ${field} = ${JSON.stringify(value)?.slice(0, 60)}`),
        ),
    );
  }
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((field) => {
        const body = base();
        delete body[field];
        return json(body, `without ${field}`);
      }),
    );
  }
  return fc.oneof(...options);
}

/** Requests for one operation: every part of it bent in turn, with real and bogus path ids. */
export function requestArbitrary(operation: Operation, targets: string[]): fc.Arbitrary<FuzzRequest> {
  const segments = fc.record(
    Object.fromEntries(operation.pathParams.map((parameter) => [parameter.name, segmentArbitrary(targets)])),
  );
  const takesBody = operation.method !== 'GET' && operation.method !== 'HEAD';
  return fc
    .tuple(
      segments,
      queryArbitrary(operation.queryParams),
      takesBody ? bodyArbitrary(operation.body) : fc.constant(undefined),
    )
    .map(([values, { query, label: queryLabel }, body]) => ({
      method: operation.method,
      url: fillPath(operation.path, values as Record<string, string>) + query,
      ...(body ? { body: { raw: body.raw, contentType: body.contentType } } : {}),
      label: [JSON.stringify(values).slice(0, 200), queryLabel, body?.label].filter(Boolean).join('; '),
    }));
}
