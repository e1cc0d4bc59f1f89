import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { PasswordHashing } from '../config.js';

/** A random token for a link or the API; only its SHA-256 is stored (it has 256 bits of entropy). */
export function newToken(prefix = ''): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const PASSWORD_MIN_LENGTH = 12;

export function hashPassword(password: string, cost: PasswordHashing): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...cost });
}

export async function verifyPassword(hash: string | null, password: string, cost: PasswordHashing): Promise<boolean> {
  if (!hash) {
    // Same work as a real check, so timing does not tell which accounts exist.
    await argon2.hash(password, { type: argon2.argon2id, ...cost });
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A readable generated password for the operator tool. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
