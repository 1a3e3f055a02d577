/**
 * Every stored payload says which version of its type's shape it has, as `v`, so a client
 * can tell a shape it knows from one it does not. Every type is at version 1. A change to a
 * type's payload shape bumps that type's version; clients ignore versions they do not know.
 */
export const PAYLOAD_VERSION = 1;
export type PayloadVersion = typeof PAYLOAD_VERSION;

/** A payload as stored and delivered: its fields and its version. */
export type Versioned<P> = P & { v: PayloadVersion };

/**
 * Stamps the version on a payload about to be stored. Appends (event-append.ts) and the
 * rewrites of stored payloads (content/redaction.ts) call it, so no writer can forget it.
 */
export function versioned<P extends object>(payload: P & { v?: never }): Versioned<P> {
  return { ...payload, v: PAYLOAD_VERSION };
}

/**
 * A stored payload on its way out. Those stored before payloads had versions have no `v`:
 * they are version 1, and are delivered as such (no migration rewrites old rows).
 */
export function withVersion(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || 'v' in payload) return payload;
  return { ...payload, v: 1 };
}
