// Small steps the journeys share, done through the pages as a person would.
import type { Locator, Page } from 'playwright-core';
import { checkAccessibility } from './browser.js';

/** Clicks a button or link that loads a new page and waits until that page has loaded. */
export async function clickAndWait(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await target.click();
  await navigated;
  await page.waitForLoadState('load');
  await checkAccessibility(page);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/email/i).fill(email);
  await page.locator('#password').fill(password);
  await clickAndWait(page, page.locator('main button[type=submit]'));
}

export async function signOut(page: Page): Promise<void> {
  await clickAndWait(page, page.locator('header form[action="/sign-out"] button'));
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

export async function heading(page: Page): Promise<string> {
  return (await page.locator('main h1').innerText()).trim();
}

export interface FocusedElement {
  readonly tag: string;
  readonly text: string;
  readonly href: string | null;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
  readonly inViewport: boolean;
}

/** What has keyboard focus, and whether it is visibly marked and on screen. */
export function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate<FocusedElement | null>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent || '').trim(),
      href: el.getAttribute('href'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      inViewport: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0
        && box.right <= window.innerWidth && box.bottom <= window.innerHeight,
    };
  })()`);
}

/** How far the page is wider than the window (0 when nothing overflows sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Where the header's main navigation leads. */
export function navigationPaths(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('header nav a')].map((a) => a.getAttribute('href') || '')`);
}

/**
 * Text on the page that looks like a translation key left untranslated, such as "nav.surveys":
 * a catalogue's top-level namespace, a dot and more of a key.
 */
export async function untranslatedKeys(page: Page, namespaces: readonly string[]): Promise<string[]> {
  const pattern = new RegExp(`(?<![\\w.@-])(?:${namespaces.join('|')})(?:\\.[A-Za-z0-9_]+)+(?![\\w@-])`, 'g');
  return (await page.locator('body').innerText()).match(pattern) ?? [];
}
