import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import type { KnownDevice } from '../domain/sign-in.js';
import { parseCookies } from './cookies.js';

// The browser's device cookie (OWASP's "device cookies" against online guessing): set at a
// successful sign-in, it names a random device id and the accounts that signed in from it, signed
// with the session secret so that nobody can make one up. Holding it exempts a browser from the
// limits strangers can push an account or an address into; see domain/sign-in.ts.
export const DEVICE_COOKIE = 'cb.device';
const VERSION = 'd1';
const LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;
const ACCOUNTS_KEPT = 5;

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`device-cookie\n${payload}`).digest();
}

/** The device the request's cookie names, when its signature holds. */
export function knownDevice(req: Request, config: Config): KnownDevice | null {
  const raw = parseCookies(req.headers.cookie)[DEVICE_COOKIE];
  const parts = raw?.split('.');
  if (!parts || parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, id, accounts, mac] = parts as [string, string, string, string];
  const expected = signature(config.sessionSecret, `${VERSION}.${id}.${accounts}`);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id) || !/^\d{1,12}(-\d{1,12})*$/.test(accounts)) return null;
  return { id, accountIds: accounts.split('-').map(Number) };
}

/** Sets (or renews) the cookie after a successful sign-in, with this account first. */
export function rememberDevice(req: Request, res: Response, config: Config, userId: number): void {
  const device = knownDevice(req, config);
  const id = device?.id ?? randomBytes(18).toString('base64url');
  const accounts = [userId, ...(device?.accountIds ?? []).filter((a) => a !== userId)].slice(0, ACCOUNTS_KEPT).join('-');
  const payload = `${VERSION}.${id}.${accounts}`;
  res.cookie(DEVICE_COOKIE, `${payload}.${signature(config.sessionSecret, payload).toString('base64url')}`, {
    httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: LIFETIME_MS, path: '/sign-in',
  });
}
