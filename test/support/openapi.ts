import type { HttpClient } from './http.js';

/** The parts of an OpenAPI 3 schema these suites read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  /** `METHOD /path/{param}`, the key every fixture table uses. */
  key: string;
  method: string;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema with `$ref`s resolved, or null when the route takes no body. */
  body: Schema | null;
  /** Needs a bearer token (not marked public). */
  secured: boolean;
}

export interface ApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[] }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/** Follows `$ref`s (only local component references exist in this document). */
export function resolveSchema(document: ApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) throw new Error(`OpenAPI: unresolved reference ${current.$ref}`);
    current = target;
  }
  const resolved: Schema = { ...current };
  if (resolved.items) resolved.items = resolveSchema(document, resolved.items);
  if (resolved.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(resolved.properties).map(([name, property]) => [name, resolveSchema(document, property)]),
    );
  }
  return resolved;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function isWrite(operation: Operation): boolean {
  return WRITE_METHODS.has(operation.method);
}

/** Every operation of the running app, read from the document it serves. */
export async function loadOperations(http: HttpClient): Promise<Operation[]> {
  const response = await http.get<ApiDocument>('/docs/openapi.json');
  if (response.status !== 200) throw new Error(`/docs/openapi.json answered ${response.status}`);
  const document = response.body;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const parameters = spec.parameters ?? [];
      const json = spec.requestBody?.content['application/json']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        body: json ? resolveSchema(document, json) : null,
        secured: (spec.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/** Puts already-encoded segments into `/a/{id}/b`. */
export function fillPath(path: string, segments: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const segment = segments[name];
    if (segment === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return segment;
  });
}
