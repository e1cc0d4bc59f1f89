// The Administration follows and changes a workshop's call in a browser, on the demo (filled by
// `npm run demo`): an administrator (in French) opens a workshop made from last year's results,
// sees where its call stands, moves its deadline; a staff member (in Spanish) sees the same page
// without the means to change it. axe-core checks every page on the way.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORDS } from '../../db/seeds/demo-content.js';
import { en } from '../../server/i18n/en.js';
import { closeSessions, launchBrowser, openSession, takeScreenshot, type Session, type SessionOptions } from './helpers/browser.js';
import { STAFF, startDemoServer } from './helpers/demo.js';
import { clickAndWait, heading, htmlLang, signIn, untranslatedKeys } from './helpers/pages.js';
import type { RunningServer } from './helpers/server.js';

const ADMIN = { email: `admin@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORDS.admin };
const NAMESPACES = [...Object.keys(en), 'overviews', 'events'];

describe('Events journey in a browser', function () {
  let server: RunningServer;
  let browser: Browser;
  let sessions: Session[] = [];

  async function open(options: SessionOptions = {}): Promise<Session> {
    const session = await openSession(browser, server.baseUrl, options);
    sessions.push(session);
    return session;
  }

  before(async function () {
    [{ server }, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });

  afterEach(async function () {
    await closeSessions(sessions, this.currentTest, 'failed-events');
    sessions = [];
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('an administrator reads where a workshop’s call stands and moves its deadline; staff read the same, change nothing', async () => {
    const admin = await open();
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.goto('/events');
    await clickAndWait(admin.page, admin.page.locator('header button[value="fr"]'));
    expect(await htmlLang(admin.page)).to.equal('fr');
    const first = admin.page.locator('article h2 a').first();
    const title = (await first.textContent())!.trim();
    await clickAndWait(admin.page, first);
    expect(await heading(admin.page)).to.equal(title);
    await admin.page.getByRole('heading', { name: 'Où en est l’appel' }).waitFor();
    expect(await admin.page.locator('table.data tbody tr').count()).to.be.greaterThan(10);
    expect(await admin.page.locator('table.data').textContent()).to.contain('publié');
    expect(await untranslatedKeys(admin.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(admin.page, 'event-admin-fr');

    await clickAndWait(admin.page, admin.page.getByRole('link', { name: 'Modifier l’événement et son appel' }));
    await admin.page.getByText('vous pouvez les reformuler, mais non en ajouter ni en supprimer', { exact: false }).waitFor();
    await admin.page.getByLabel('Date limite (date et heure, UTC)').fill('2030-01-31T17:00');
    await clickAndWait(admin.page, admin.page.getByRole('button', { name: 'Enregistrer l’événement' }));
    await admin.page.getByText('L’événement a été enregistré.').waitFor();
    expect(await admin.page.locator('main').textContent()).to.contain('31 janvier 2030');

    const staff = await open();
    await signIn(staff.page, STAFF.email, STAFF.password);
    await staff.page.goto(admin.page.url().replace(/\?.*$/, '').replace(/^https?:\/\/[^/]+/, ''));
    await clickAndWait(staff.page, staff.page.locator('header button[value="es"]'));
    expect(await htmlLang(staff.page)).to.equal('es');
    await staff.page.getByRole('heading', { name: 'Estado de la convocatoria' }).waitFor();
    expect(await staff.page.getByRole('link', { name: 'Modificar el evento y su convocatoria' }).count()).to.equal(0);
    expect(await untranslatedKeys(staff.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(staff.page, 'event-staff-es');

    // From the results of last year's survey, the form that makes the events of a question's retained options.
    await clickAndWait(admin.page, admin.page.getByRole('link', { name: 'Choisi par' }).or(admin.page.getByRole('link', { name: 'les résultats de l’enquête' })).first());
    await clickAndWait(admin.page, admin.page.getByRole('link', { name: 'Créer les événements des options retenues' }));
    await admin.page.getByRole('group', { name: 'Question dont les options retenues deviennent des événements' }).waitFor();
    expect(await admin.page.locator('main').textContent()).to.contain('chaque option retenue a son événement');
    expect(await untranslatedKeys(admin.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(admin.page, 'events-from-survey-fr');
  });
});
