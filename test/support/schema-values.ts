import { randomBytes } from 'node:crypto';

import type { Schema } from './openapi.js';

/**
 * A value the schema accepts, made from its example, enum or bounds. Free text gets a
 * unique tag so unique columns (emails, slugs, names) do not collide between calls.
 */
export function validValue(schema: Schema): unknown {
  if (schema.example !== undefined) return uniqueIfText(schema, schema.example);
  if (schema.enum?.length) return schema.default ?? schema.enum[0];
  switch (schema.type) {
    case 'object':
      return validBody(schema);
    case 'array':
      return schema.items ? [validValue(schema.items)] : [];
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    default:
      return validString(schema);
  }
}

function tag(): string {
  return randomBytes(4).toString('hex');
}

function validString(schema: Schema): string {
  if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  const text = `Valid text ${tag()}`;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 1000;
  return text.padEnd(min, 'x').slice(0, max);
}

function uniqueIfText(schema: Schema, example: unknown): unknown {
  if (typeof example !== 'string' || schema.format) return example;
  if (/^[^@\s]+@[^@\s]+$/.test(example)) return example.replace('@', `.${tag()}@`);
  if (/^[a-z0-9-]+$/.test(example)) return `${example}-${tag()}`.slice(0, schema.maxLength ?? 80);
  return example;
}

/** The required fields (and those with examples) of an object schema, each valid. */
export function validBody(schema: Schema): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (required.has(name)) body[name] = validValue(property);
  }
  return body;
}
