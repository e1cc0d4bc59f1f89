// Printable letters in a browser: an administrator opens the participation page of a survey whose
// messages to two Member States failed, prints their letters, and the printed PDF has one A4 page
// per letter. Every page is checked for accessibility.
import { expect } from 'chai';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import { PASSWORD } from '../helpers/accounts.js';
import { createSignedIn, type SignedIn } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';
import { closeSessions, launchBrowser, openSession, takeScreenshot, type Session } from './helpers/browser.js';
import { clickAndWait, signIn } from './helpers/pages.js';

describe('Printable letters in a browser', function () {
  this.timeout(180_000);
  let s: SignedIn;
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let surveyId: number;
  const sessions: Session[] = [];

  before(async () => {
    s = await createSignedIn({ memberStates: ['SEN', 'PER', 'CHL'] });
    for (const iso3 of ['SEN', 'SEN', 'PER', 'CHL']) await s.createDelegate(iso3);
    surveyId = (await openSurvey(s.ctx.deps, s.admin.actor, (await createTestSurvey(s.ctx.deps, s.admin.actor, { closesAt: '2099-03-01T12:00:00.000Z' })).id)).id;
    const failed = await s.ctx.db('member_states').whereIn('iso3', ['SEN', 'PER']).pluck('id');
    await s.ctx.db('outbox_messages').whereIn('member_state_id', failed).update({ status: 'failed', failed_at: '2026-11-28T10:00:00.000Z', last_reply: '550 mailbox unavailable' });
    const app = await s.app();
    server = await new Promise<Server>((resolve) => { const srv = app.listen(0, '127.0.0.1', () => resolve(srv)); });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async function () {
    await closeSessions(sessions, this.currentTest, 'letters');
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await s?.ctx.close();
  });

  it('an administrator prints the letters of the Member States whose messages failed, one A4 page each', async () => {
    const admin = await openSession(browser, baseUrl);
    sessions.push(admin);
    const { page } = admin;
    await signIn(page, s.admin.user.email, PASSWORD);
    await page.goto(`/admin/surveys/${surveyId}/participation`);
    await clickAndWait(page, page.getByRole('button', { name: 'Print the letters of every Member State whose messages failed (2)' }));
    expect(await page.locator('article.letter').count()).to.equal(2);
    await takeScreenshot(page, 'letters-en');

    await page.locator('#language').selectOption('fr');
    await clickAndWait(page, page.getByRole('button', { name: 'Show the letters in this language' }));
    expect(await page.locator('article.letter[lang="fr"] h2').first().innerText()).to.include('Dialogue international sur la migration 2008');
    await takeScreenshot(page, 'letters-fr');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).to.equal(false);
    expect(await page.locator('.letters-controls').isVisible()).to.equal(false);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g) ?? []).to.have.length(2);
    await page.emulateMedia({ media: 'screen' });
  });
});
