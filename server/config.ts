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
  /** Argon2id's cost for new password hashes (a hash carries its own cost, so checking needs none). */
  readonly passwordHashing: PasswordHashing;
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
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, ''),
    database: Object.freeze(database),
    dataDir,
    trustProxy,
    sessionSecret: e.SESSION_SECRET ?? keptSessionSecret(dataDir),
    secureCookies: trustProxy !== false || e.NODE_ENV === 'production',
    passwordHashing: PASSWORD_HASHING,
  });
}
