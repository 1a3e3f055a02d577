import { boolean, emailDomains, integer, list, oneOf, type Parser, text, trustedProxies, url } from './env-parsers.js';

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
    meaning:
      'Key that signs access tokens, 32 characters or more. Required in production; in development one is generated once and kept in DATA_DIR.',
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
    meaning:
      'Load the demo collaboratives, accounts and posts at start. Default: true with the embedded database, false with DATABASE_URL.',
  }),
  CORS_ORIGINS: variable({
    parse: list,
    default: '',
    meaning: 'Comma-separated browser origins allowed to call the API from another site. Empty allows none.',
  }),
  TRUST_PROXY: variable({
    parse: trustedProxies,
    default: 'false',
    meaning:
      'Behind a reverse proxy, which proxies may say who the caller is in X-Forwarded-For (client addresses are what rate limits and logs count): their addresses or ranges, comma-separated (e.g. 10.0.0.0/8, or loopback for a proxy on the same machine). true trusts every hop, safe only when the proxy replaces the header rather than adding to it, since otherwise a caller can write any address it likes.',
  }),
  EVENT_RETENTION_DAYS: variable({
    parse: integer(1, 365),
    default: '7',
    meaning: 'Days live-update events are kept for reconnecting clients to catch up; older ones are pruned.',
  }),
  AUTO_HIDE_REPORTS: variable({
    parse: integer(1, 1000),
    default: '3',
    meaning:
      'Open reports from this many different people hide an item at once, pending review (a report of patient-identifiable data always does).',
  }),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: variable({
    parse: integer(1, 1_000_000),
    default: '5',
    meaning:
      'Failed sign-ins allowed for one account from one IP address (IPv6: per /64 network) per 15 minutes before that address gets 429 for that account; the owner elsewhere is not locked out.',
  }),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: variable({
    parse: integer(1, 1_000_000),
    default: '50',
    meaning:
      'Failed sign-ins for one account from all addresses per 15 minutes; past it the account is slowed (one attempt every 10 seconds), never locked.',
  }),
  RATE_LIMIT_LOGIN_PER_IP: variable({
    parse: integer(1, 1_000_000),
    default: '20',
    meaning:
      'Failed sign-ins allowed per IP address (IPv6: per /64 network) per minute, whatever the account, before 429.',
  }),
  RATE_LIMIT_REGISTER_PER_IP: variable({
    parse: integer(1, 1_000_000),
    default: '10',
    meaning: 'Registrations allowed per IP address (IPv6: per /64 network) per hour.',
  }),
  RATE_LIMIT_GENERAL: variable({
    parse: integer(1, 1_000_000),
    default: '600',
    meaning:
      'Requests allowed per user (or per IP address when signed out; IPv6: per /64 network) per minute, every route counted together (sign-in and registration also have their own limits; health checks are not counted).',
  }),
  RATE_LIMIT_REJECTS_PER_IP: variable({
    parse: integer(1, 1_000_000),
    default: '300',
    meaning:
      'Refused requests (no valid access token, not allowed, unknown route) allowed per IP address (IPv6: per /64 network) per minute; past it every request from that address gets 429 until the minute ends, before any token is looked up.',
  }),
  LIVE_SOCKETS_PER_PERSON: variable({
    parse: integer(1, 1_000_000),
    default: '20',
    meaning: 'Live-update connections (browser tabs) one person may hold open at once on one API instance.',
  }),
  LIVE_SOCKETS_PER_ADDRESS: variable({
    parse: integer(1, 1_000_000),
    default: '1000',
    meaning:
      'Live-update connections one IP address (IPv6: per /64 network) may hold open at once on one API instance; high because a whole trust may reach the forum through one NHS network address.',
  }),
  PUBLIC_URL: variable({
    parse: url('http:', 'https:'),
    meaning:
      'The address people reach the forum at, e.g. https://forum.example.nhs.uk. With https the refresh cookie is marked Secure. Unset: http://localhost:PORT.',
  }),
  MAIL_TRANSPORT: variable({
    parse: oneOf('smtp', 'mailbox'),
    meaning:
      'How email leaves: smtp (through SMTP_URL) or mailbox (kept in the database, logged and listed at /dev/mailbox; development only). Default: smtp when SMTP_URL is set, otherwise mailbox outside production. Production must name mailbox explicitly.',
  }),
  SMTP_URL: variable({
    parse: url('smtp:', 'smtps:'),
    meaning:
      'SMTP server, e.g. smtp://user:pass@smtp.example.nhs.uk:587. In production STARTTLS is required unless the URL says otherwise (?requireTLS=false or ?ignoreTLS=true); smtps:// is TLS from the start.',
  }),
  MAIL_FROM: variable({
    parse: text,
    default: 'Collaboratives Forum <no-reply@localhost>',
    meaning: 'The From address of every email, e.g. Collaboratives Forum <no-reply@forum.example.nhs.uk>.',
  }),
  MAIL_GIVE_UP_HOURS: variable({
    parse: integer(1, 24 * 30),
    default: '48',
    meaning:
      'Hours an email is retried (with exponential backoff) before it is kept as failed, for admins to see and retry.',
  }),
  MAIL_RETRY_SECONDS: variable({
    parse: integer(1, 3600),
    default: '30',
    meaning:
      'Wait before the first retry of an email that could not be sent; each retry waits about twice as long, up to an hour.',
  }),
  MAIL_POLL_SECONDS: variable({
    parse: integer(1, 60),
    default: '2',
    meaning: 'How often each instance looks for email to send (it is also woken when mail is queued).',
  }),
  MAIL_GRACE_MINUTES: variable({
    parse: integer(0, 24 * 60),
    default: '10',
    meaning:
      'Minutes a notification waits before it is emailed at once; read in the forum (or hidden, deleted, moved) meanwhile, it is not sent.',
  }),
  DKIM_PRIVATE_KEY: variable({
    parse: text,
    meaning:
      'PEM private key that DKIM-signs every email (with DKIM_SELECTOR, for the domain of MAIL_FROM). Newlines may be written as \\n.',
  }),
  DKIM_SELECTOR: variable({
    parse: text,
    meaning: 'DKIM selector whose DNS record holds the public key of DKIM_PRIVATE_KEY, e.g. forum2026.',
  }),
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof VARIABLES;
