// The only reader of process.env: typed, defaulted, validated, frozen.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export type DatabaseConfig =
  | { readonly client: 'sqlite3'; readonly filename: string }
  | { readonly client: 'pg'; readonly connectionString: string };

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly baseUrl: string;
  readonly database: DatabaseConfig;
  readonly dataDir: string;
  readonly trustProxy: boolean | number | string;
  readonly sessionSecret: string;
  readonly secureCookies: boolean;
  readonly mail: MailConfig;
}

/** Where and how messages are sent; without an SMTP URL nothing is sent and messages wait. */
export interface MailConfig {
  /** `smtp://[user:pass@]host:port` or `smtps://…`; null: nothing is sent. */
  readonly smtpUrl: string | null;
  /** The From header of every message. */
  readonly from: string;
  /** At most this many messages a second from one process. */
  readonly ratePerSecond: number;
  /** A message that failed for a passing reason this many times is given up. */
  readonly maxAttempts: number;
}

export class ConfigError extends Error {}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z.string().url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  TRUST_PROXY: z.string().optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/\s]+/, 'must be smtp://[user:pass@]host:port or smtps://…').optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().max(300).regex(/^[^\r\n]*$/, 'must be one line').optional(),
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
});

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** Reads a kept secret, or makes one and keeps it with the data, so sessions survive restarts. */
function keptSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${reasons}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const database: DatabaseConfig = e.DATABASE_URL
    ? { client: 'pg', connectionString: e.DATABASE_URL }
    : { client: 'sqlite3', filename: path.join(dataDir, 'app.sqlite3') };
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  const baseUrl = (e.BASE_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, '');
  const mail: MailConfig = Object.freeze({
    smtpUrl: e.SMTP_URL ?? null,
    from: e.MAIL_FROM ?? `Consultation ballots <no-reply@${new URL(baseUrl).hostname}>`,
    ratePerSecond: e.MAIL_RATE_PER_SECOND,
    maxAttempts: e.MAIL_MAX_ATTEMPTS,
  });
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    database: Object.freeze(database),
    dataDir,
    trustProxy,
    sessionSecret: e.SESSION_SECRET ?? keptSessionSecret(dataDir),
    secureCookies: trustProxy !== false || e.NODE_ENV === 'production',
    mail,
  });
}
