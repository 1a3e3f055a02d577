import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';

import type { TrustProxy } from '../common/client-address.js';
import { ConfigError } from './env-parsers.js';
import { type VariableName, VARIABLES } from './variables.js';

type Env = Record<string, string | undefined>;
type Parsed<N extends VariableName> = ReturnType<(typeof VARIABLES)[N]['parse']>;

export interface RateLimits {
  loginPerAccountAndIp: number;
  loginPerAccount: number;
  loginPerIp: number;
  registerPerIp: number;
  general: number;
  rejectsPerIp: number;
}

export interface MailConfig {
  transport: 'smtp' | 'mailbox';
  /** With requireTLS=true added in production unless the URL itself says how to use TLS. */
  smtpUrl: string | undefined;
  from: string;
  giveUpHours: number;
  retrySeconds: number;
  pollSeconds: number;
  /** Minutes an immediate notification email waits, so one read in the forum meanwhile is not sent. */
  graceMinutes: number;
  dkim: { privateKey: string; selector: string } | undefined;
}

export interface LiveLimits {
  socketsPerPerson: number;
  socketsPerAddress: number;
}

/** The validated, typed configuration. Injected by class token wherever it is needed. */
export class AppConfig {
  readonly nodeEnv: Parsed<'NODE_ENV'>;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  readonly jwtSecret: string;
  readonly logLevel: Parsed<'LOG_LEVEL'>;
  readonly allowedEmailDomains: string[];
  readonly seedDemo: boolean;
  readonly corsOrigins: string[];
  readonly trustProxy: TrustProxy;
  readonly eventRetentionDays: number;
  /** Distinct people with open reports on one item that hide it pending review. */
  readonly autoHideReports: number;
  readonly rateLimits: RateLimits;
  readonly liveLimits: LiveLimits;
  /** Where people reach the forum, without a trailing slash. */
  readonly publicUrl: string;
  readonly mail: MailConfig;

  constructor(values: Omit<AppConfig, never>) {
    Object.assign(this, values);
  }
}

/** Thrown for a bad variable; its message is the single line printed before exit 1. */
export class InvalidConfigError extends Error {}

function read<N extends VariableName>(env: Env, name: N): Parsed<N> | undefined {
  const spec = VARIABLES[name];
  const raw = env[name]?.trim() || spec.default;
  if (raw === undefined) return undefined;
  try {
    return spec.parse(raw) as Parsed<N>;
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new InvalidConfigError(`${name} ${error.message} (got "${env[name]}")`);
    }
    throw error;
  }
}

/** Reads `.env` from the working folder; variables already in the environment win. */
export function environmentWithDotEnv(env: Env = process.env, file = '.env'): Env {
  if (!existsSync(file)) return env;
  return { ...parseEnv(readFileSync(file, 'utf8')), ...env };
}

export function loadConfig(env: Env): AppConfig {
  const nodeEnv = read(env, 'NODE_ENV')!;
  const dataDir = resolve(read(env, 'DATA_DIR')!);
  const databaseUrl = read(env, 'DATABASE_URL');
  return new AppConfig({
    nodeEnv,
    port: read(env, 'PORT')!,
    host: read(env, 'HOST')!,
    databaseUrl,
    dataDir,
    redisUrl: read(env, 'REDIS_URL'),
    jwtSecret: resolveJwtSecret(read(env, 'JWT_SECRET'), nodeEnv, dataDir),
    logLevel: read(env, 'LOG_LEVEL')!,
    allowedEmailDomains: read(env, 'ALLOWED_EMAIL_DOMAINS')!,
    seedDemo: read(env, 'SEED_DEMO') ?? databaseUrl === undefined,
    corsOrigins: read(env, 'CORS_ORIGINS')!,
    trustProxy: read(env, 'TRUST_PROXY')!,
    eventRetentionDays: read(env, 'EVENT_RETENTION_DAYS')!,
    autoHideReports: read(env, 'AUTO_HIDE_REPORTS')!,
    rateLimits: {
      loginPerAccountAndIp: read(env, 'RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP')!,
      loginPerAccount: read(env, 'RATE_LIMIT_LOGIN_PER_ACCOUNT')!,
      loginPerIp: read(env, 'RATE_LIMIT_LOGIN_PER_IP')!,
      registerPerIp: read(env, 'RATE_LIMIT_REGISTER_PER_IP')!,
      general: read(env, 'RATE_LIMIT_GENERAL')!,
      rejectsPerIp: read(env, 'RATE_LIMIT_REJECTS_PER_IP')!,
    },
    liveLimits: {
      socketsPerPerson: read(env, 'LIVE_SOCKETS_PER_PERSON')!,
      socketsPerAddress: read(env, 'LIVE_SOCKETS_PER_ADDRESS')!,
    },
    publicUrl: (read(env, 'PUBLIC_URL') ?? `http://localhost:${read(env, 'PORT')!}`).replace(/\/+$/, ''),
    mail: mailConfig(env, nodeEnv),
  });
}

/**
 * SMTP when it is configured; the development mailbox otherwise, but never by default in
 * production, where mail that silently stays in the database would lock people out.
 */
function mailConfig(env: Env, nodeEnv: string): MailConfig {
  const smtpUrl = read(env, 'SMTP_URL');
  const transport = read(env, 'MAIL_TRANSPORT') ?? (smtpUrl || nodeEnv === 'production' ? 'smtp' : 'mailbox');
  if (transport === 'smtp' && !smtpUrl) {
    throw new InvalidConfigError(
      nodeEnv === 'production'
        ? 'SMTP_URL is required when NODE_ENV=production (e.g. smtp://user:pass@smtp.example.nhs.uk:587); set MAIL_TRANSPORT=mailbox only for a trial that sends no real email'
        : 'SMTP_URL is required when MAIL_TRANSPORT=smtp',
    );
  }
  const privateKey = read(env, 'DKIM_PRIVATE_KEY');
  const selector = read(env, 'DKIM_SELECTOR');
  if (Boolean(privateKey) !== Boolean(selector)) {
    throw new InvalidConfigError('DKIM_PRIVATE_KEY and DKIM_SELECTOR are set together or not at all');
  }
  return {
    transport,
    smtpUrl: smtpUrl && nodeEnv === 'production' ? withStartTlsRequired(smtpUrl) : smtpUrl,
    from: read(env, 'MAIL_FROM')!,
    giveUpHours: read(env, 'MAIL_GIVE_UP_HOURS')!,
    retrySeconds: read(env, 'MAIL_RETRY_SECONDS')!,
    pollSeconds: read(env, 'MAIL_POLL_SECONDS')!,
    graceMinutes: read(env, 'MAIL_GRACE_MINUTES')!,
    dkim: privateKey && selector ? { privateKey: privateKey.replace(/\\n/g, '\n'), selector } : undefined,
  };
}

/** smtp:// in production must upgrade with STARTTLS, unless its URL says how to use TLS itself. */
function withStartTlsRequired(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const saysItself = ['requireTLS', 'ignoreTLS', 'secure'].some((option) => url.searchParams.has(option));
  if (url.protocol !== 'smtp:' || saysItself) return smtpUrl;
  url.searchParams.set('requireTLS', 'true');
  return url.toString();
}

const MIN_SECRET_LENGTH = 32;

/**
 * Production must be given a strong secret. Elsewhere a random one is made once and
 * kept in DATA_DIR, so tokens survive restarts without any secret in the source.
 */
function resolveJwtSecret(given: string | undefined, nodeEnv: string, dataDir: string): string {
  if (given !== undefined) {
    if (given.length < MIN_SECRET_LENGTH) {
      throw new InvalidConfigError(`JWT_SECRET expects at least ${MIN_SECRET_LENGTH} characters (got ${given.length})`);
    }
    return given;
  }
  if (nodeEnv === 'production') {
    throw new InvalidConfigError(
      `JWT_SECRET is required when NODE_ENV=production and expects at least ${MIN_SECRET_LENGTH} random characters`,
    );
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
