// A delegate ranks, reviews and submits a ballot in headless Chromium against the real server:
// once with the mouse (drag and drop), once with the keyboard alone, once with JavaScript off.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { closeSessions, launchBrowser, MOBILE_VIEWPORT, openSession, takeScreenshot, type Session, type SessionOptions } from './helpers/browser.js';
import { clickAndWait, focusedElement, heading, horizontalOverflow, signIn, untranslatedKeys } from './helpers/pages.js';
import { createFirstAdmin } from './helpers/first-admin.js';
import { startServer, type RunningServer } from './helpers/server.js';
import { en } from '../../server/i18n/en.js';

const ADMIN = { email: 'ballot.admin@example.org', name: 'Ballot Admin', password: 'an administrator passphrase for ballots' };
const DELEGATE = { email: 'ines.garcia@mision.example', name: 'Inés García', password: 'a delegate passphrase for ballots' };
const NAMESPACES = [...Object.keys(en), 'voting'];
const RECEIPT = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

interface SurveyJson { id: number; questions: { id: number; options: { id: number; title: { en: string } }[] }[] }

describe('Ballot journey in a browser', function () {
  let server: RunningServer;
  let browser: Browser;
  let sessions: Session[] = [];
  let delegateState: SessionOptions['storageState'];
  let survey: SurveyJson;

  async function open(options: SessionOptions = {}): Promise<Session> {
    const session = await openSession(browser, server.baseUrl, { storageState: delegateState, ...options });
    sessions.push(session);
    return session;
  }

  const option = (q: number, o: number) => survey.questions[q]!.options[o]!;
  const fieldset = (page: Page, q: number) => page.locator(`#q${survey.questions[q]!.id}`);
  const rankSelect = (page: Page, q: number, o: number) => page.locator(`#rank_${survey.questions[q]!.id}_${option(q, o).id}`);
  /** What the form will post for a question: option titles in rank order, read from the selects. */
  async function postedRanking(page: Page, q: number): Promise<string[]> {
    const ranks: [number, string][] = [];
    for (const [i, o] of survey.questions[q]!.options.entries()) {
      const value = await rankSelect(page, q, i).inputValue();
      if (value) ranks.push([Number(value), o.title.en]);
    }
    return ranks.sort((a, b) => a[0] - b[0]).map(([, title]) => title);
  }

  async function look(page: Page, name: string): Promise<void> {
    await takeScreenshot(page, name);
    expect(await untranslatedKeys(page, NAMESPACES), `untranslated text on ${name}`).to.deep.equal([]);
  }

  /** "1st choice: (a) Topic 1", "2nd choice: …": a ranking as the review and the receipt show it. */
  function asChoices(titles: readonly string[]): string[] {
    return titles.map((title, i) => `${['1st', '2nd', '3rd', '4th'][i]} choice: ${title}`);
  }

  /** The review shows the ballot as counted; submitting it leads to the receipt, which is checked. */
  async function reviewSubmitAndCheck(page: Page, expected: string[][], shot: string): Promise<string> {
    await clickAndWait(page, page.getByRole('button', { name: 'Review the ballot' }));
    expect(await heading(page)).to.match(/^Review: /);
    const counted = await page.locator('ol.counted > li').evaluateAll((items) => items.map((li) =>
      [...li.querySelectorAll('.counted-ranking li, .abstention')].map((x) => (x.textContent ?? '').replace(/\s+/g, ' ').trim())));
    // Each option is shown with its place as a choice, so that a rank is not taken for an option's label.
    expect(counted).to.deep.equal(expected.map((titles) => (titles[0] === 'Abstention' ? titles : asChoices(titles))));
    await look(page, `${shot}-review`);
    await clickAndWait(page, page.getByRole('button', { name: 'Submit the ballot' }));
    expect(new URL(page.url()).pathname).to.match(/^\/surveys\/\d+\/ballot\/receipt\//);
    const code = (await page.locator('#receipt-code').innerText()).trim();
    expect(code).to.match(RECEIPT);
    await page.getByText('Your ballot has been recorded.').waitFor();
    expect(await page.getByText('This is the current version of the ballot').isVisible()).to.equal(true);
    const download = await page.request.get(`/receipts/${code}/download`);
    expect(download.status()).to.equal(200);
    const file = await download.text();
    expect(file).to.contain(`Receipt code: ${code}`).and.contain('Member State: Spain (ESP)');
    for (const titles of expected) for (const title of titles) expect(file).to.contain(title.replace(/^\S+ /, ''));
    for (const titles of expected) if (titles[0] !== 'Abstention') for (const line of asChoices(titles)) expect(file).to.contain(line);
    await look(page, `${shot}-receipt`);
    return code;
  }

  before(async function () {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // The first administrator, through the one-time setup link; then an API token for the set-up.
    const { session: admin, api } = await createFirstAdmin(browser, server, ADMIN);
    sessions.push(admin);
    await api('/member-states', { iso3: 'ESP', names: { en: 'Spain', fr: 'Espagne', es: 'España' }, status: 'member' });
    await api('/users', { email: DELEGATE.email, displayName: DELEGATE.name, role: 'delegate', memberState: 'ESP', password: DELEGATE.password });
    const closesAt = new Date(Date.now() + (2 * 24 + 5) * 60 * 60 * 1000).toISOString();
    survey = await api<SurveyJson>('/surveys', {
      title: { en: 'International Dialogue on Migration 2008', fr: 'Dialogue international sur la migration 2008', es: 'Diálogo Internacional sobre la Migración 2008' },
      description: { en: 'Choose the overarching theme and the workshop topics.', fr: 'Choisissez le thème général et les thèmes des ateliers.', es: 'Elija el tema general y los temas de los talleres.' },
      reference: 'IC/2007/17',
      closesAt,
      questions: [
        {
          title: { en: 'Overarching theme', fr: 'Thème général', es: 'Tema general' }, seats: 1, method: 'irv',
          options: [
            { label: 'A', title: { en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' } },
            { label: 'B', title: { en: 'Migration and development', fr: 'Migration et développement', es: 'Migración y desarrollo' } },
          ],
        },
        {
          title: { en: 'Workshop topics', fr: 'Thèmes des ateliers', es: 'Temas de los talleres' }, seats: 2, method: 'stv', maxRanks: 3, allowProposals: true,
          options: ['a', 'b', 'c', 'd'].map((label, i) => ({
            label: `(${label})`,
            title: { en: `Topic ${i + 1}`, fr: `Thème ${i + 1}`, es: i === 3 ? null : `Tema ${i + 1}` },
            description: { en: `What topic ${i + 1} covers.`, fr: `Ce que couvre le thème ${i + 1}.`, es: i === 3 ? null : `Lo que abarca el tema ${i + 1}.` },
          })),
        },
      ],
    });
    await api(`/surveys/${survey.id}/open`, { overrideReason: 'Spanish of topic 4 follows.' });
    await admin.close();
    sessions = [];

    const delegate = await openSession(browser, server.baseUrl);
    await signIn(delegate.page, DELEGATE.email, DELEGATE.password);
    delegateState = await delegate.context.storageState();
    await delegate.close();
  });

  afterEach(async function () {
    await closeSessions(sessions, this.currentTest, 'failed-ballot');
    sessions = [];
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('lists the survey with its closing time and a countdown', async function () {
    const { page } = await open();
    await page.goto('/surveys');
    expect(await heading(page)).to.equal('Surveys');
    const item = page.locator('.survey-item').first();
    expect(await item.innerText()).to.contain('Not answered').and.match(/closes in 2 days (4|5) hours/);
    await look(page, 'ballot-01-surveys');
  });

  it('ranks by mouse: drag and drop into the ranking and within it, then review, submit and check the receipt', async function () {
    const { page } = await open();
    await page.goto(`/surveys/${survey.id}/ballot`);
    // The script replaced the selects with the ranking lists; the selects stay in the form, hidden.
    await fieldset(page, 0).locator('ol.ranked').waitFor();
    expect(await rankSelect(page, 0, 0).isVisible()).to.equal(false);
    await look(page, 'ballot-02-js-empty');

    const ranked = (q: number) => fieldset(page, q).locator('ol.ranked');
    const item = (q: number, o: number) => fieldset(page, q).locator(`li.rank-item[data-option="${option(q, o).id}"]`);
    const bottom = async (q: number) => ({ x: 20, y: (await ranked(q).boundingBox())!.height - 4 });

    await item(0, 1).dragTo(ranked(0), { targetPosition: await bottom(0) });
    await item(0, 0).dragTo(ranked(0), { targetPosition: await bottom(0) });
    expect(await postedRanking(page, 0)).to.deep.equal(['Migration and development', 'Return migration']);

    await item(1, 2).dragTo(ranked(1), { targetPosition: await bottom(1) });
    await item(1, 0).dragTo(ranked(1), { targetPosition: await bottom(1) });
    await item(1, 3).dragTo(ranked(1), { targetPosition: await bottom(1) });
    expect(await postedRanking(page, 1)).to.deep.equal(['Topic 3', 'Topic 1', 'Topic 4']);
    // The ranking is full (3 of 4): the last option cannot be added.
    expect(await fieldset(page, 1).locator('.full-note').innerText()).to.contain('The ranking is full (3 ranks)');
    // Topic 1 dragged above Topic 3; Topic 4 dragged back out of the ranking.
    await item(1, 0).dragTo(item(1, 2), { targetPosition: { x: 20, y: 3 } });
    await item(1, 3).dragTo(fieldset(page, 1).locator('ul.unranked'));
    expect(await postedRanking(page, 1)).to.deep.equal(['Topic 1', 'Topic 3']);
    // The announcement comes a moment after the move (so screen readers notice the change): wait for it.
    await page.locator('#ranking-status', { hasText: 'Topic 4' }).waitFor({ state: 'attached' });
    await look(page, 'ballot-03-js-ranked-by-mouse');

    await reviewSubmitAndCheck(page, [['B Migration and development', 'A Return migration'], ['(a) Topic 1', '(c) Topic 3']], 'ballot-04-mouse');
  });

  it('ranks by keyboard alone, with each move announced, then reviews, submits and checks the receipt', async function () {
    const { page } = await open();
    await page.goto(`/surveys/${survey.id}/ballot`);
    // Pre-filled with the ballot submitted before.
    expect(await postedRanking(page, 1)).to.deep.equal(['Topic 1', 'Topic 3']);
    await page.locator('main').focus();

    /** Presses Tab until the focused element's text (accessible name included) matches. */
    async function tabTo(pattern: RegExp, tag = 'button', limit = 80): Promise<void> {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const focused = await focusedElement(page);
        if (focused && focused.tag === tag && pattern.test(focused.text)) {
          expect(focused.outlineStyle, `focus of ${focused.text} is visible`).to.not.equal('none');
          expect(focused.inViewport, `${focused.text} is scrolled into view`).to.equal(true);
          return;
        }
      }
      throw new Error(`nothing matching ${pattern} within ${limit} tabs`);
    }
    const status = () => page.locator('#ranking-status').innerText();
    const announced = (pattern: RegExp) => page.locator('#ranking-status', { hasText: pattern }).waitFor({ state: 'attached' });

    // Question 1: swap the two options with the arrow key on the focused item.
    await tabTo(/^2\s*A Return migration/, 'li');
    await page.keyboard.press('ArrowUp');
    await announced(/moved/);
    expect(await status()).to.equal('A Return migration moved to rank 1 of 2');
    expect(await postedRanking(page, 0)).to.deep.equal(['Return migration', 'Migration and development']);
    const focused = await focusedElement(page);
    expect(focused?.text).to.contain('Return migration');
    await takeScreenshot(page, 'ballot-05-keyboard-focus');

    // Question 2: add Topic 2 with its button, move it up twice with the button, remove Topic 3.
    await tabTo(/Add to ranking: \(b\) Topic 2/);
    await page.keyboard.press('Enter');
    await announced(/added at rank 3/);
    expect(await postedRanking(page, 1)).to.deep.equal(['Topic 1', 'Topic 3', 'Topic 2']);
    await tabTo(/Move up: \(b\) Topic 2/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await announced(/rank 1 of 3/);
    expect(await status()).to.equal('(b) Topic 2 moved to rank 1 of 3');
    expect(await postedRanking(page, 1)).to.deep.equal(['Topic 2', 'Topic 1', 'Topic 3']);
    await tabTo(/Remove from ranking: \(c\) Topic 3/);
    await page.keyboard.press('Enter');
    expect(await postedRanking(page, 1)).to.deep.equal(['Topic 2', 'Topic 1']);
    await takeScreenshot(page, 'ballot-06-keyboard-ranked');

    await tabTo(/^Review the ballot$/);
    const navigated = page.waitForURL(/\/ballot\/review$/);
    await page.keyboard.press('Enter');
    await navigated;
    await page.waitForLoadState('load');
    expect(await heading(page)).to.match(/^Review: /);
    await tabTo(/^Submit the ballot$/);
    const submitted = page.waitForURL(/\/ballot\/receipt\//);
    await page.keyboard.press('Enter');
    await submitted;
    const code = (await page.locator('#receipt-code').innerText()).trim();
    expect(code).to.match(RECEIPT);
    const counted = await page.locator('.counted-ranking').allInnerTexts();
    expect(counted.map((t) => t.replace(/\s+/g, ' ').trim())).to.deep.equal(['1st choice: A Return migration 2nd choice: B Migration and development', '1st choice: (b) Topic 2 2nd choice: (a) Topic 1']);
  });

  it('ranks with JavaScript off through the rank selects, refuses a tie, then submits and checks the receipt', async function () {
    const { page } = await open({ javaScript: false });
    await page.goto(`/surveys/${survey.id}/ballot`);
    expect(await page.locator('ol.ranked').count()).to.equal(0);
    await rankSelect(page, 0, 0).selectOption({ label: 'Not ranked' });
    await rankSelect(page, 0, 1).selectOption('1');
    await page.getByLabel('(a) Topic 1').selectOption('1');
    await page.getByLabel('(b) Topic 2').selectOption('1');
    await page.getByLabel('(d) Topic 4').selectOption('');
    await clickAndWait(page, page.getByRole('button', { name: 'Review the ballot' }));
    expect(await page.locator('.error-summary').innerText()).to.contain('Question 2: Workshop topics');
    expect(await fieldset(page, 1).locator('.question-errors').innerText()).to.contain('a tie is not a ranking');
    await look(page, 'ballot-07-nojs-tie-refused');

    await page.getByLabel('(b) Topic 2').selectOption('2');
    await page.getByLabel('(c) Topic 3').selectOption('3');
    await page.getByLabel('Comment on this question (optional)').first().fill('Development first.');
    await look(page, 'ballot-08-nojs-form');
    await reviewSubmitAndCheck(page, [['B Migration and development'], ['(a) Topic 1', '(b) Topic 2', '(c) Topic 3']], 'ballot-09-nojs');
    expect(await page.locator('.counted .comment').first().innerText()).to.contain('Development first.');
  });

  it('shows the ballot in French and Spanish, a missing translation in English, and fits a phone screen', async function () {
    const { page } = await open();
    await page.goto(`/surveys/${survey.id}/ballot`);
    await clickAndWait(page, page.locator('header button[value="fr"]'));
    expect(await fieldset(page, 0).locator('legend').innerText()).to.contain('Thème général');
    expect(await page.locator('form.ballot-form').innerText()).to.contain('Votre classement');
    await look(page, 'ballot-10-fr');
    await clickAndWait(page, page.locator('header button[value="es"]'));
    const untranslated = fieldset(page, 1).locator('span[lang="en"]', { hasText: 'Topic 4' }).first();
    expect(await untranslated.isVisible()).to.equal(true);
    expect(await fieldset(page, 1).innerText()).to.contain('Todavía sin traducir: se muestra en inglés.');
    await look(page, 'ballot-11-es');
    await page.setViewportSize(MOBILE_VIEWPORT);
    expect(await horizontalOverflow(page)).to.equal(0);
    await look(page, 'ballot-12-es-phone');
    await clickAndWait(page, page.locator('header button[value="en"]'));
    await page.goto(`/surveys/${survey.id}/ballot/history`);
    expect(await page.locator('table.history tbody tr').count()).to.equal(3);
    await look(page, 'ballot-13-history');
  });
});
