// The demo consultation behind the results and exports journeys: a server whose database
// `npm run demo` filled before it started, and the delegation the demo leaves without a ballot.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORDS, currentSurveyInput } from '../../../db/seeds/demo-content.js';
import { openSession, type SessionOptions } from './browser.js';
import { clickAndWait, signIn } from './pages.js';
import { REPO_ROOT, startServer, type RunningServer } from './server.js';

const run = promisify(execFile);

export const STAFF = { email: `staff@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORDS.staff };
/** A member that the demo leaves without a ballot: its delegate answers in the journeys. */
export const DELEGATE = { iso3: 'AUS', email: `delegate.aus@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORDS.delegate };
export const SURVEY = currentSurveyInput(new Date().toISOString());

export interface DemoServer {
  readonly server: RunningServer;
  /** What `npm run demo` printed. */
  readonly output: string;
  /** The open demo survey's id. */
  readonly surveyId: number;
}

/** `npm run demo` fills the server's empty database before it starts, as an operator would. */
export async function startDemoServer(): Promise<DemoServer> {
  let output = '';
  const server = await startServer({
    setupLink: false,
    beforeStart: async (env) => { output = (await run(process.execPath, ['--import=tsx', 'db/seeds/demo.ts'], { cwd: REPO_ROOT, env })).stdout; },
  });
  const surveyId = Number(new RegExp(`survey (\\d+) "${SURVEY.title.en}"`).exec(output)?.[1]);
  expect(surveyId, 'the demo survey in the demo output').to.be.greaterThan(0);
  return { server, output, surveyId };
}

/**
 * The delegate ranks the first option of every question, with a comment per question (and a
 * general one when given), reviews and submits, with JavaScript off.
 */
export async function answerAsDelegate(browser: Browser, baseUrl: string, surveyId: number, comments: { perQuestion: readonly string[]; general?: string }): Promise<void> {
  const delegate = await openSession(browser, baseUrl, { javaScript: false });
  try {
    const { page } = delegate;
    await signIn(page, DELEGATE.email, DELEGATE.password);
    await page.goto(`/surveys/${surveyId}/ballot`);
    const fieldsets = page.locator('form.ballot-form fieldset.question');
    expect(await fieldsets.count()).to.equal(SURVEY.questions.length);
    for (let q = 0; q < SURVEY.questions.length; q++) {
      await fieldsets.nth(q).locator('select[id^="rank_"]').first().selectOption('1');
      await fieldsets.nth(q).locator('textarea[id^="comment_"]').fill(comments.perQuestion[q]!);
    }
    if (comments.general !== undefined) await page.locator('#comments').fill(comments.general);
    await clickAndWait(page, page.getByRole('button', { name: 'Review the ballot' }));
    await clickAndWait(page, page.getByRole('button', { name: 'Submit the ballot' }));
    expect(new URL(page.url()).pathname).to.match(/^\/surveys\/\d+\/ballot\/receipt\//);
    expect(delegate.problems).to.deep.equal([]);
  } finally {
    await delegate.close();
  }
}

/** A signed-in session's cookies, for the journey's tests to start from. */
export async function signedInState(browser: Browser, baseUrl: string, account: { email: string; password: string }): Promise<SessionOptions['storageState']> {
  const session = await openSession(browser, baseUrl);
  try {
    await signIn(session.page, account.email, account.password);
    expect(session.problems).to.deep.equal([]);
    return await session.context.storageState();
  } finally {
    await session.close();
  }
}
