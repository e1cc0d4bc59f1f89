// The invitation journey by e-mail, in headless Chromium against the real server with a mail
// server configured: an administrator invites a delegate; the invitation arrives at an SMTP server
// in this process; the delegate follows its link, chooses a password and votes; the ballot receipt
// arrives by mail too.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORDS, currentSurveyInput } from '../../db/seeds/demo-content.js';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { closeSessions, launchBrowser, openSession, takeScreenshot, type Session } from './helpers/browser.js';
import { clickAndWait, signIn } from './helpers/pages.js';
import { REPO_ROOT, startServer, type RunningServer } from './helpers/server.js';

const run = promisify(execFile);
const SURVEY = currentSurveyInput(new Date().toISOString());
const NEW_DELEGATE = { email: 'kofi.mensah@mission.example.org', name: 'Kofi Mensah', password: 'a delegate passphrase of his own' };

describe('Mail journey in a browser', function () {
  this.timeout(180_000);
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let surveyId = 0;
  const sessions: Session[] = [];

  before(async () => {
    smtp = await startTestSmtpServer();
    let output = '';
    server = await startServer({
      setupLink: false,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Consultation ballots <ballots@example.org>', MAIL_RATE_PER_SECOND: '1000' },
      beforeStart: async (env) => { output = (await run(process.execPath, ['--import=tsx', 'db/seeds/demo.ts'], { cwd: REPO_ROOT, env })).stdout; },
    });
    surveyId = Number(new RegExp(`survey (\\d+) "${SURVEY.title.en}"`).exec(output)?.[1]);
    browser = await launchBrowser();
  });
  after(async function () {
    await closeSessions(sessions, this.currentTest, 'mail');
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const mailTo = async (address: string, subject: RegExp) => {
    for (let waited = 0; waited < 60_000; waited += 250) {
      const found = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address) && subject.test(m.subject ?? ''));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`no message to ${address} matching ${subject} within a minute (${smtp.received.length} received)`);
  };

  it('an administrator invites a delegate, who follows the mailed link, sets a password and votes', async () => {
    expect(surveyId).to.be.greaterThan(0);
    const admin = await openSession(browser, server.baseUrl);
    sessions.push(admin);
    await signIn(admin.page, `admin@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORDS.admin);
    await admin.page.goto('/admin/users/new');
    await admin.page.locator('#email').fill(NEW_DELEGATE.email);
    await admin.page.locator('#displayName').fill(NEW_DELEGATE.name);
    await admin.page.locator('#role').selectOption('delegate');
    await admin.page.locator('#memberState').selectOption('AUS');
    await admin.page.locator('#language').selectOption('fr');
    await clickAndWait(admin.page, admin.page.locator('form button[type="submit"].primary'));

    const invitation = await mailTo(NEW_DELEGATE.email, /invitation/i);
    expect(invitation.subject).to.equal('Votre invitation à Consultation ballots');
    expect(invitation.messageId).to.match(/^<[0-9a-f-]+@127\.0\.0\.1>$/);
    const link = /http:\/\/127\.0\.0\.1:\d+\/invitations\/\S+/.exec(invitation.text ?? '')?.[0];
    expect(link, invitation.text).to.be.a('string');
    expect(invitation.html).to.include(`href="${link}"`);

    const delegate = await openSession(browser, server.baseUrl, { javaScript: false });
    sessions.push(delegate);
    const { page } = delegate;
    await page.goto(link!);
    await page.locator('#password').fill(NEW_DELEGATE.password);
    await page.locator('#confirm').fill(NEW_DELEGATE.password);
    await clickAndWait(page, page.locator('main form button[type="submit"].primary'));
    await page.goto(`/surveys/${surveyId}/ballot`);
    const fieldsets = page.locator('form.ballot-form fieldset.question');
    expect(await fieldsets.count()).to.equal(SURVEY.questions.length);
    for (let q = 0; q < SURVEY.questions.length; q++) await fieldsets.nth(q).locator('select[id^="rank_"]').first().selectOption('1');
    await clickAndWait(page, page.getByRole('button', { name: /^(Review the ballot|Vérifier le bulletin|Revisar la papeleta)$/ }));
    await clickAndWait(page, page.getByRole('button', { name: /^(Submit the ballot|Soumettre le bulletin|Enviar la papeleta)$/ }));
    expect(new URL(page.url()).pathname).to.match(/^\/surveys\/\d+\/ballot\/receipt\//);
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await takeScreenshot(page, 'mail-journey-receipt');

    const receipt = await mailTo(NEW_DELEGATE.email, /Bulletin enregistré/);
    expect(receipt.text).to.include(code);
    expect(delegate.problems).to.deep.equal([]);

    await admin.page.goto('/admin/outbox');
    expect(await admin.page.locator('main').innerText()).to.include(NEW_DELEGATE.email);
    await takeScreenshot(admin.page, 'mail-outbox');
  });
});
