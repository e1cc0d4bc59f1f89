// One headless Chromium per test file, a fresh context (cookies, storage) per test.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { REPO_ROOT } from './server.js';

/** Debian's chromium package. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots');

export const MOBILE_VIEWPORT = { width: 390, height: 844 } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * Script errors, console errors (CSP refusals among them), failed requests and error answers to
   * a page's stylesheets, scripts and images seen so far. A page's own status is the test's to check.
   * The navigation that a download ends is not a problem.
   */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /** false runs the page as a browser with JavaScript turned off would. */
  readonly javaScript?: boolean;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly locale?: string;
  /** Cookies of an earlier context, to start already signed in. */
  readonly storageState?: BrowserContextOptions['storageState'];
}

/** A new context and page, in English unless told otherwise, watching for page problems. */
export async function openSession(browser: Browser, baseUrl: string, options: SessionOptions = {}): Promise<Session> {
  const contextOptions: BrowserContextOptions = {
    baseURL: baseUrl,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-GB',
    ...(options.storageState ? { storageState: options.storageState } : {}),
  };
  const context = await browser.newContext(contextOptions);
  // Well under mocha's timeout, so that a missing element fails the test with a screenshot taken.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every answer of 400 or more this way; those are checked below with their address.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  // Chromium ends a navigation that turns into a download as aborted (net::ERR_ABORTED): that
  // request is the download, not a problem. Either event may come first; each excuses one of the other.
  const waitingDownloads: string[] = [];
  const waitingAborts: string[] = [];
  const aborted = (url: string) => `request failed: ${url} net::ERR_ABORTED`;
  const take = (list: string[], url: string) => {
    const i = list.indexOf(url);
    if (i >= 0) list.splice(i, 1);
    return i >= 0;
  };
  page.on('download', (download) => {
    if (take(waitingAborts, download.url())) problems.splice(problems.lastIndexOf(aborted(download.url())), 1);
    else waitingDownloads.push(download.url());
  });
  page.on('requestfailed', (request) => {
    if (request.isNavigationRequest() && request.failure()?.errorText === 'net::ERR_ABORTED') {
      if (take(waitingDownloads, request.url())) return;
      waitingAborts.push(request.url());
    }
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    const request = response.request();
    // The browser asks for /favicon.ico on its own; no page links to it.
    if (response.status() >= 400 && request.resourceType() !== 'document' && new URL(request.url()).pathname !== '/favicon.ico') {
      problems.push(`HTTP ${response.status()} for ${request.resourceType()} ${request.url()}`);
    }
  });
  return { context, page, problems, close: () => context.close() };
}

/** A full-page screenshot in screenshots/<name>.png, to be looked at. */
export async function takeScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * After a test: screenshots of its sessions when it failed, then a check that no page had a problem
 * (script error, blocked resource), and the sessions closed.
 */
export async function closeSessions(sessions: readonly Session[], test: Mocha.Test | undefined, prefix: string): Promise<void> {
  if (test?.state === 'failed') {
    for (const [i, s] of sessions.entries()) {
      await takeScreenshot(s.page, `${prefix}-${test.title.replace(/\W+/g, '-').slice(0, 50)}-${i}`).catch(() => undefined);
    }
  }
  for (const s of sessions) {
    expect(s.problems, 'page problems').to.deep.equal([]);
    await s.close();
  }
}
