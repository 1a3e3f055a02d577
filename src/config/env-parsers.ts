import { isProxyEntry, type TrustProxy } from '../common/client-address.js';

/** Parsers for environment variables. Each throws a `ConfigError` that says what it expects. */
export class ConfigError extends Error {}

export type Parser<T> = (raw: string) => T;

export const text: Parser<string> = (raw) => raw;

export function integer(min: number, max: number): Parser<number> {
  return (raw) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new ConfigError(`expects a whole number from ${min} to ${max}`);
    }
    return value;
  };
}

export function oneOf<T extends string>(...allowed: T[]): Parser<T> {
  return (raw) => {
    if (!(allowed as string[]).includes(raw)) throw new ConfigError(`expects one of ${allowed.join(', ')}`);
    return raw as T;
  };
}

export const boolean: Parser<boolean> = (raw) => {
  const value = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigError('expects true or false');
};

export const list: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

export function url(...protocols: string[]): Parser<string> {
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`expects a URL starting with ${protocols.join(' or ')}`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(`expects a URL starting with ${protocols.join(' or ')}`);
    }
    return raw;
  };
}

export const emailDomains: Parser<string[]> = (raw) => {
  const domains = list(raw).map((domain) => domain.toLowerCase().replace(/^@/, ''));
  for (const domain of domains) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
      throw new ConfigError(`expects a comma-separated list of email domains such as nhs.net (got "${domain}")`);
    }
  }
  return domains;
};

/** `true`, `false`, or a comma-separated list of trusted proxies (addresses, CIDR ranges, `loopback`…). */
export const trustedProxies: Parser<TrustProxy> = (raw) => {
  const word = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(word)) return true;
  if (['false', '0', 'no', 'off'].includes(word)) return false;
  const entries = list(raw);
  const bad = entries.find((entry) => !isProxyEntry(entry));
  if (entries.length === 0 || bad !== undefined) {
    throw new ConfigError(
      `expects true, false, or the proxies' addresses or ranges separated by commas (such as 10.0.0.0/8 or loopback)${bad !== undefined ? `; "${bad}" is none of these` : ''}`,
    );
  }
  return entries;
};
