// Turns the server's typed event map (DomainEventMap in src/events/domain-events.ts, with the
// entries each feature adds) into the types the web client reads live events with, so the
// client never copies a payload's shape. Shared by `npm run api:generate` and the test that
// keeps the file current. It reads the types with the TypeScript compiler: the map exists
// only at compile time, and the payloads that are not DTOs have no OpenAPI schema.
import { join } from 'node:path';

import ts from 'typescript';

export const EVENT_TYPES_FILE = 'web/src/api/events.d.ts';

const BANNER = `// Generated from the server's typed event map (src/events/domain-events.ts and the entries each
// feature adds) by \`npm run api:generate\`. Do not edit: test/api-types.e2e-spec.ts fails when
// this file and the server disagree.
`;

const PRIMITIVE = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.Boolean | ts.TypeFlags.Null;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The program of the API's sources (not its tests): the map's entries live beside each feature. */
function apiProgram(root) {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const sources = parsed.fileNames.filter((file) => file.startsWith(join(root, 'src/')) && !file.endsWith('.spec.ts'));
  return ts.createProgram(sources, { ...parsed.options, noEmit: true });
}

function exported(program, checker, root, file, name) {
  const source = program.getSourceFile(join(root, file));
  const symbol = source && checker.getExportsOfModule(checker.getSymbolAtLocation(source)).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} does not export ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** Prints types as JSON delivers them; classes and interfaces become named interfaces, printed once. */
class Printer {
  constructor(checker) {
    this.checker = checker;
    /** @type {Map<string, { symbol: ts.Symbol, text: string | null }>} */
    this.named = new Map();
  }

  type(type, indent) {
    const { checker } = this;
    if (type.flags & ts.TypeFlags.Union) return this.union(type.types, indent);
    if (type.isStringLiteral()) return `'${type.value.replace(/['\\]/g, '\\$&')}'`;
    if (type.isNumberLiteral()) return String(type.value);
    if (type.flags & (PRIMITIVE | ts.TypeFlags.BooleanLiteral)) return checker.typeToString(type);
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type);
      const text = this.type(element, indent);
      return element.flags & ts.TypeFlags.Union ? `Array<${text}>` : `${text}[]`;
    }
    const symbol = type.getSymbol();
    if (type.flags & ts.TypeFlags.Object && symbol && symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))
      return this.reference(type, symbol);
    if (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) return this.object(type, indent);
    throw new Error(`An event payload has a type JSON cannot carry: ${checker.typeToString(type)}`);
  }

  union(members, indent) {
    const printed = members
      .filter((member) => !(member.flags & ts.TypeFlags.BooleanLiteral))
      .map((m) => this.type(m, indent));
    // `boolean` is the union of true and false; keep a lone literal (`deleted: true`) as it is.
    const booleans = members.filter((member) => member.flags & ts.TypeFlags.BooleanLiteral);
    if (booleans.length === 2) printed.push('boolean');
    else printed.push(...booleans.map((member) => this.type(member, indent)));
    // Sorted, null last: the compiler's own order depends on what it checked first.
    const nulls = printed.filter((text) => text === 'null');
    return [...printed.filter((text) => text !== 'null').sort(), ...nulls].join(' | ');
  }

  reference(type, symbol) {
    const name = symbol.name;
    const seen = this.named.get(name);
    if (seen && seen.symbol !== symbol) throw new Error(`Two payload types are named ${name}: rename one`);
    if (!seen) {
      this.named.set(name, { symbol, text: null });
      this.named.get(name).text = `${this.docs(symbol, '')}export interface ${name} ${this.object(type, '')}\n`;
    }
    return name;
  }

  object(type, indent) {
    const { checker } = this;
    if (type.getCallSignatures().length > 0)
      throw new Error(`An event payload holds a function: ${checker.typeToString(type)}`);
    const inner = `${indent}  `;
    const lines = checker.getPropertiesOfType(type).map((property) => this.property(property, inner));
    for (const index of checker.getIndexInfosOfType(type))
      lines.push(`${inner}[key: ${checker.typeToString(index.keyType)}]: ${this.type(index.type, inner)};\n`);
    return lines.length === 0 ? '{}' : `{\n${lines.join('')}${indent}}`;
  }

  /** One property's line; `value` replaces its type as printed. */
  property(property, indent, value) {
    if (property.flags & ts.SymbolFlags.Method) throw new Error(`An event payload holds a method: ${property.name}`);
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
    const key = IDENTIFIER.test(property.name) ? property.name : `'${property.name}'`;
    return `${this.docs(property, indent)}${indent}${key}${optional ? '?' : ''}: ${value ?? this.valueOf(property, optional, indent)};\n`;
  }

  valueOf(property, optional, indent) {
    const type = this.checker.getTypeOfSymbol(property);
    // An optional property's type includes `undefined`, which `?` already says (JSON has no undefined).
    if (!optional || !(type.flags & ts.TypeFlags.Union)) return this.type(type, indent);
    return this.union(
      type.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined)),
      indent,
    );
  }

  docs(symbol, indent) {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim();
    return text ? `${indent}/** ${text.replace(/\s*\n\s*/g, ' ')} */\n` : '';
  }
}

/** @param {string} root the repository root */
export function eventTypesFrom(root) {
  const program = apiProgram(root);
  const checker = program.getTypeChecker();
  const map = exported(program, checker, root, 'src/events/domain-events.ts', 'DomainEventMap');
  const version = exported(program, checker, root, 'src/events/payload-version.ts', 'PayloadVersion');
  const envelope = exported(program, checker, root, 'src/events/envelope.ts', 'EventEnvelope');
  const printer = new Printer(checker);

  const entries = checker
    .getPropertiesOfType(map)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((property) => printer.property(property, '  '));
  // The server's envelope, with `type` and `data` tied together (it says `string` and `unknown`).
  const TIED = { type: 'T', data: 'EventPayloads[T] & { v: PayloadVersion }' };
  const fields = checker
    .getPropertiesOfType(envelope)
    .map((property) => printer.property(property, '  ', TIED[property.name]));

  return `${BANNER}
/**
 * The version of a payload's shape, in every \`data\` as \`v\`. A change to a type's payload
 * shape bumps its version: ignore events whose version you do not know.
 */
export type PayloadVersion = ${checker.typeToString(version)};

/** Each event type's payload; \`data\` carries it with its version. */
export interface EventPayloads {
${entries.join('')}}

export type EventType = keyof EventPayloads;

/** One event as the server delivers it: live (under its type), replayed, or from GET /api/events. */
export interface EventEnvelope<T extends EventType = EventType> {
${fields.join('')}}

/** Any event: checking \`type\` narrows \`data\`. */
export type LiveEvent = { [T in EventType]: EventEnvelope<T> }[EventType];

${[...printer.named.keys()]
  .sort()
  .map((name) => printer.named.get(name).text)
  .join('\n')}`;
}
