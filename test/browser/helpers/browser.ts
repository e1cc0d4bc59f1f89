// One headless Chromium per test file, a fresh context (cookies, storage) per test.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** axe-core, run on every page the journeys visit. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Best-practice rules we hold ourselves to as well: headings that do not skip a level. */
const EXTRA_RULES = ['heading-order'];

/** Each open page's accessibility check, so that the steps that load a page can wait for it. */
const auditors = new WeakMap<Page, () => Promise<void>>();

/**
 * Runs axe-core on the page now shown, once per document, and records every violation of the
 * WCAG A and AA rules among the session's problems. A page left before the check ends (a
 * redirect, a download) is not checked. Done on every load; the steps that load a page
 * (clickAndWait, page.goto) wait for it, so a page is checked before the test moves on.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  await auditors.get(page)?.();
}

/** The violations of the WCAG rules on the document shown in a page where scripts run. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate<string[]>(`(async () => {
    const describe = (r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | '));
    const wcag = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] });
    const extra = await axe.run(document, { runOnly: { type: 'rule', values: ${JSON.stringify(EXTRA_RULES)} }, resultTypes: ['violations'] });
    return [...describe(wcag), ...describe(extra)];
  })()`);
}

const AUDIT_TIMEOUT_MS = 20_000;

/**
 * A session's accessibility check: once per document, its violations recorded among the problems.
 * Without JavaScript, axe cannot run in the page itself: the page's HTML, without its scripts, is
 * checked in a page of its own beside it (same origin, same window size, so styles and sizes match).
 */
function accessibilityAuditor(browser: Browser, page: Page, problems: string[], options: { javaScript: boolean; viewport: { width: number; height: number } }): () => Promise<void> {
  let documents = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) documents += 1; });
  let current: { document: number; done: Promise<void> } | null = null;
  let mirror: Promise<Page> | null = null;
  const mirrorPage = () => (mirror ??= browser.newContext({ viewport: options.viewport }).then(async (context) => {
    page.once('close', () => { void context.close(); });
    return context.newPage();
  }));

  async function run(url: string): Promise<void> {
    let violations: string[];
    if (options.javaScript) {
      violations = await axeViolations(page);
    } else {
      const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
      const checker = await mirrorPage();
      if (new URL(checker.url()).origin !== new URL(url).origin) await checker.goto(new URL('/healthz', url).href);
      await checker.setContent(html, { waitUntil: 'load' });
      violations = await axeViolations(checker);
    }
    for (const v of violations) problems.push(`accessibility: ${new URL(url).pathname} ${v}`);
  }

  return async () => {
    const url = page.url();
    if (page.isClosed() || !url.startsWith('http')) return;
    if (current?.document !== documents) {
      let timer: NodeJS.Timeout | undefined;
      const done = Promise.race([
        run(url),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`the accessibility check of ${url} took over ${AUDIT_TIMEOUT_MS} ms`)), AUDIT_TIMEOUT_MS); }),
      ]).catch((error: unknown) => {
        // A page left before its check ended (a redirect, a download) is not checked.
        if (page.isClosed() || /Execution context was destroyed|navigat|Target closed|has been closed/i.test(String(error))) return;
        problems.push(`accessibility check failed: ${String(error)}`);
      }).finally(() => clearTimeout(timer));
      current = { document: documents, done };
    }
    await current.done;
  };
}

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
  const audit = accessibilityAuditor(browser, page, problems, { javaScript: contextOptions.javaScriptEnabled!, viewport: contextOptions.viewport! });
  auditors.set(page, audit);
  page.on('load', () => { void audit(); });
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await audit();
    return response;
  };
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
    if (response.status() >= 400 && request.resourceType() !== 'document') {
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
    if (!s.page.isClosed()) await checkAccessibility(s.page);
    expect(s.problems, 'page problems').to.deep.equal([]);
    await s.close();
  }
}
