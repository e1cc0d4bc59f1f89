// The only reader of process.env: typed, defaulted, validated, frozen.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /**
   * Which proxies' X-Forwarded-For to believe, as Express's 'trust proxy' takes it: false (none),
   * a hop count, or the proxies' addresses and subnets. Never `true`, which believes any client.
   */
  readonly trustProxy: false | number | readonly string[];
  readonly sessionSecret: string;
  readonly secureCookies: boolean;
  /** Error pages show the stack of an unexpected error: asked for with SHOW_ERROR_DETAILS=1, in development only. */
  readonly showErrorDetails: boolean;
  /** Argon2id's cost for new password hashes (a hash carries its own cost, so checking needs none). */
  readonly passwordHashing: PasswordHashing;
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

export interface PasswordHashing {
  /** KiB of memory. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** The argon2 library's recommended cost, which every server uses; only tests build a config with less. */
export const PASSWORD_HASHING: PasswordHashing = Object.freeze({ memoryCost: 65536, timeCost: 3, parallelism: 4 });

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
  SHOW_ERROR_DETAILS: z.enum(['', '0', '1'], { message: 'must be 1 or 0' }).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/\s]+/, 'must be smtp://[user:pass@]host:port or smtps://…').optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().max(300).regex(/^[^\r\n]*$/, 'must be one line').optional(),
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
});

/** The names Express (proxy-addr) knows for the private address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: off, a hop count, or a comma-separated list of the proxies' addresses or subnets.
 * `true` is refused: Express would then take the left-most X-Forwarded-For, which the client writes,
 * as the client's address, and the per-address sign-in limit would key on whatever it sent.
 */
export function parseTrustProxy(raw: string | undefined): false | number | readonly string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') {
    throw new ConfigError(
      'Invalid configuration: TRUST_PROXY=true would let any client choose its own address (the left-most X-Forwarded-For). '
      + 'Give the number of proxies in front of the server (TRUST_PROXY=1 for one reverse proxy) or their addresses or subnets '
      + '(TRUST_PROXY=10.0.0.5 or TRUST_PROXY=10.0.0.0/8,loopback).',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`Invalid configuration: TRUST_PROXY: ${hops} proxies in front of the server is not plausible; give the number of proxies (usually 1) or their addresses.`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (wrong.length > 0 || entries.length === 0) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY: ${wrong.map((w) => JSON.stringify(w)).join(', ') || 'nothing'} is not a hop count, an IP address, `
      + 'a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal.',
    );
  }
  return Object.freeze(entries);
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
    showErrorDetails: e.SHOW_ERROR_DETAILS === '1' && e.NODE_ENV === 'development',
    passwordHashing: PASSWORD_HASHING,
    mail,
  });
}
