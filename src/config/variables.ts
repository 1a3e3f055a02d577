import { boolean, emailDomains, integer, list, oneOf, text, url, type Parser } from './env-parsers.js';

export interface Variable<T> {
  parse: Parser<T>;
  /** The default as written in `.env.example`; undefined means "not set". */
  default?: string;
  meaning: string;
}

function variable<T>(spec: Variable<T>): Variable<T> {
  return spec;
}

/**
 * Every environment variable the forum reads. `.env.example` and the README's
 * configuration table are checked against this list by a test.
 */
export const VARIABLES = {
  NODE_ENV: variable({
    parse: oneOf('development', 'production', 'test'),
    default: 'development',
    meaning: 'development, production or test. Production refuses to start without a strong JWT_SECRET.',
  }),
  PORT: variable({ parse: integer(0, 65535), default: '3000', meaning: 'TCP port the HTTP API listens on.' }),
  HOST: variable({ parse: text, default: '127.0.0.1', meaning: 'Interface to listen on (0.0.0.0 in containers).' }),
  DATABASE_URL: variable({
    parse: url('postgres:', 'postgresql:'),
    meaning: 'PostgreSQL connection URL. Unset: an embedded PostgreSQL is started with its data in DATA_DIR.',
  }),
  DATA_DIR: variable({
    parse: text,
    default: '.data',
    meaning: 'Folder for the embedded database and the generated development JWT secret.',
  }),
  REDIS_URL: variable({
    parse: url('redis:', 'rediss:'),
    meaning: 'Redis URL. Set it to share live updates between several API instances.',
  }),
  JWT_SECRET: variable({
    parse: text,
    meaning: 'Key that signs access tokens, 32 characters or more. Required in production; in development one is generated once and kept in DATA_DIR.',
  }),
  LOG_LEVEL: variable({
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    default: 'info',
    meaning: 'Least severe log level written (JSON lines on standard output).',
  }),
  ALLOWED_EMAIL_DOMAINS: variable({
    parse: emailDomains,
    default: '',
    meaning: 'Comma-separated email domains allowed to register, e.g. nhs.net. Empty allows any.',
  }),
  SEED_DEMO: variable({
    parse: boolean,
    meaning: 'Load the demo collaboratives, accounts and posts at start. Default: true with the embedded database, false with DATABASE_URL.',
  }),
  CORS_ORIGINS: variable({
    parse: list,
    default: '',
    meaning: 'Comma-separated browser origins allowed to call the API from another site. Empty allows none.',
  }),
  TRUST_PROXY: variable({
    parse: boolean,
    default: 'false',
    meaning: 'Set to true behind a reverse proxy so client addresses (for rate limits and logs) come from X-Forwarded-For.',
  }),
  EVENT_RETENTION_DAYS: variable({
    parse: integer(1, 365),
    default: '7',
    meaning: 'Days live-update events are kept for reconnecting clients to catch up; older ones are pruned.',
  }),
  AUTO_HIDE_REPORTS: variable({
    parse: integer(1, 1000),
    default: '3',
    meaning: 'Open reports from this many different people hide an item at once, pending review (a report of patient-identifiable data always does).',
  }),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: variable({
    parse: integer(1, 1_000_000),
    default: '5',
    meaning: 'Failed logins allowed per account per 15 minutes before 429.',
  }),
  RATE_LIMIT_LOGIN_PER_IP: variable({
    parse: integer(1, 1_000_000),
    default: '20',
    meaning: 'Failed logins allowed per IP address (IPv6: per /64 network) per minute before 429.',
  }),
  RATE_LIMIT_REGISTER_PER_IP: variable({
    parse: integer(1, 1_000_000),
    default: '10',
    meaning: 'Registrations allowed per IP address (IPv6: per /64 network) per hour.',
  }),
  RATE_LIMIT_GENERAL: variable({
    parse: integer(1, 1_000_000),
    default: '600',
    meaning: 'Requests allowed per user (or per IP address when signed out; IPv6: per /64 network) per minute, every route counted together (sign-in and registration also have their own limits; health checks are not counted).',
  }),
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof VARIABLES;
