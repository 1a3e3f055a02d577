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
  });
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
