// A focal point in a browser: an administrator makes a delegate their Member State's focal point;
// the focal point (whose saved language is French) opens their delegation from the header, invites
// a colleague, disables the account
// and re-enables it; the administrator sees each change in the audit log. Every page is checked
// for accessibility, on a desktop and on a phone's screen.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORDS } from '../../db/seeds/demo-content.js';
import { closeSessions, launchBrowser, MOBILE_VIEWPORT, openSession, takeScreenshot, type Session } from './helpers/browser.js';
import { clickAndWait, horizontalOverflow, signIn } from './helpers/pages.js';
import { REPO_ROOT, startServer, type RunningServer } from './helpers/server.js';

const run = promisify(execFile);
const FOCAL_POINT = `delegate.fra@${DEMO_EMAIL_DOMAIN}`;
const COLLEAGUE = { email: 'claire.martin@mission-france.example.org', name: 'Claire Martin' };

describe('Focal point journey in a browser', function () {
  this.timeout(180_000);
  let server: RunningServer;
  let browser: Browser;
  const sessions: Session[] = [];

  before(async () => {
    server = await startServer({
      setupLink: false,
      beforeStart: async (env) => { await run(process.execPath, ['--import=tsx', 'db/seeds/demo.ts'], { cwd: REPO_ROOT, env }); },
    });
    browser = await launchBrowser();
  });
  after(async function () {
    await closeSessions(sessions, this.currentTest, 'delegation');
    await browser?.close();
    await server?.stop();
  });

  it('an administrator makes a delegate focal point, who invites, disables and re-enables a colleague', async () => {
    const admin = await openSession(browser, server.baseUrl);
    sessions.push(admin);
    await signIn(admin.page, `admin@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORDS.admin);
    await admin.page.goto('/admin/users');
    await clickAndWait(admin.page, admin.page.locator('tr', { hasText: FOCAL_POINT }).locator('a[href^="/admin/users/"]'));
    await clickAndWait(admin.page, admin.page.getByRole('button', { name: 'Make focal point' }));
    expect(await admin.page.locator('main').innerText()).to.include('This delegate is the focal point of FRA.');
    await takeScreenshot(admin.page, 'delegation-admin-user');

    for (const [viewport, suffix] of [[undefined, 'desktop'], [MOBILE_VIEWPORT, 'mobile']] as const) {
      const focal = await openSession(browser, server.baseUrl, { javaScript: false, ...(viewport ? { viewport } : {}) });
      sessions.push(focal);
      const { page } = focal;
      await signIn(page, FOCAL_POINT, DEMO_PASSWORDS.delegate);
      await clickAndWait(page, page.locator('header nav a[href="/delegation"]'));
      expect(await page.locator('main h1').innerText()).to.equal('Votre délégation');
      expect(await horizontalOverflow(page)).to.equal(0);
      await takeScreenshot(page, `delegation-${suffix}`);
      if (suffix === 'mobile') break;

      await page.locator('#email').fill(COLLEAGUE.email);
      await page.locator('#displayName').fill(COLLEAGUE.name);
      await page.locator('#language').selectOption('fr');
      await clickAndWait(page, page.getByRole('button', { name: 'Envoyer l’invitation' }));
      expect(await page.locator('[role=status]').innerText()).to.include(`Une invitation a été envoyée à ${COLLEAGUE.name}`);
      const row = page.locator('tr', { hasText: COLLEAGUE.email });
      await clickAndWait(page, row.getByRole('button', { name: `Désactiver ${COLLEAGUE.email}` }));
      expect(await row.innerText()).to.include('Désactivé');
      await takeScreenshot(page, 'delegation-disabled');
      await clickAndWait(page, row.getByRole('button', { name: `Réactiver ${COLLEAGUE.email}` }));
      expect(await row.innerText()).to.include('Actif');

      // A mistake in the form is explained at the field, in an accessible page too.
      await page.locator('#email').fill('not an address');
      await clickAndWait(page, page.getByRole('button', { name: 'Envoyer l’invitation' }));
      expect(await page.locator('.error-summary').innerText()).to.include('Adresse électronique');
      await takeScreenshot(page, 'delegation-form-error');
    }

    await admin.page.goto('/admin/audit');
    const audit = await admin.page.locator('main').innerText();
    for (const action of ['user.focal-point', 'delegation.invite', 'delegation.disable', 'delegation.enable']) expect(audit).to.include(action);
  });
});
