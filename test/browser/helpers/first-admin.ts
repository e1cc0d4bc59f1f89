// The set-up most journeys start from: the first administrator, made through the one-time setup
// link as an operator would, and an API token of theirs to create the rest quickly.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { openSession, type Session } from './browser.js';
import { clickAndWait } from './pages.js';
import type { RunningServer } from './server.js';

export interface FirstAdmin {
  /** The administrator's signed-in session, still open: the caller closes it. */
  readonly session: Session;
  /** POSTs to the JSON API with the administrator's token; expects 200 or 201 and answers the body. */
  api<T = { id: number }>(path: string, body: unknown): Promise<T>;
}

export async function createFirstAdmin(browser: Browser, server: RunningServer, admin: { email: string; name: string; password: string }): Promise<FirstAdmin> {
  const session = await openSession(browser, server.baseUrl);
  const { page } = session;
  await page.goto(server.setupUrl);
  await page.locator('#email').fill(admin.email);
  await page.locator('#displayName').fill(admin.name);
  await page.locator('#password').fill(admin.password);
  await page.locator('#confirm').fill(admin.password);
  await clickAndWait(page, page.locator('main button[type=submit]'));
  await page.goto('/admin/users/1');
  await clickAndWait(page, page.locator('form[action="/admin/users/1/tokens"] button'));
  const token = await page.locator('#token').inputValue();
  return {
    session,
    async api<T>(path: string, body: unknown): Promise<T> {
      const res = await page.request.post(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` }, data: body });
      expect(res.status(), `${path}: ${await res.text()}`).to.be.oneOf([200, 201]);
      return res.json() as Promise<T>;
    },
  };
}
