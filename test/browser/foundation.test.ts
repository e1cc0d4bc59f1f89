// The foundation journey in headless Chromium against the real server, through the pages only:
// first administrator, Member States, a delegate's invitation, sign-in, languages, keyboard, roles.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../server/i18n/en.js';
import { es } from '../../server/i18n/es.js';
import { fr } from '../../server/i18n/fr.js';
import { launchBrowser, MOBILE_VIEWPORT, openSession, takeScreenshot, type Session, type SessionOptions } from './helpers/browser.js';
import { clickAndWait, focusedElement, heading, horizontalOverflow, htmlLang, navigationPaths, signIn, signOut, untranslatedKeys } from './helpers/pages.js';
import { startServer, type RunningServer } from './helpers/server.js';

const ADMIN = { email: 'ada.admin@example.org', name: 'Ada Admin', password: 'a long administrator passphrase' };
const DELEGATE = { email: 'aminata.diop@senegal.example', name: 'Aminata Diop', password: 'teranga and thiéboudienne' };
const STAFF = { email: 'lucia.staff@example.org', name: 'Lucía Staff', password: 'a staff member passphrase' };

const MEMBER_STATES_CSV = [
  'iso3,name_en,name_fr,name_es,status',
  'SEN,Senegal,Sénégal,Senegal,member',
  'FRA,France,France,Francia,member',
  'MEX,Mexico,Mexique,México,member',
  'VAT,Holy See,Saint-Siège,Santa Sede,observer',
  'XX,Nowhere,Nulle part,Ninguna parte,member',
].join('\n') + '\n';

const ADMIN_PATHS = ['/admin/users', '/admin/member-states', '/admin/audit'];
const NAMESPACES = Object.keys(en);

/** Fills in an i18n message's {{placeholders}} as the server does. */
function message(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

describe('Foundation journey in a browser', function () {
  let server: RunningServer;
  let browser: Browser;
  let sessions: Session[] = [];
  let invitationUrl = '';
  /** The cookies of the administrator's first session (never signed out), so that later tests need not sign in again. */
  let adminState: SessionOptions['storageState'];
  /** The same for the delegate, once their invitation is used (that session is never signed out). */
  let delegateState: SessionOptions['storageState'];

  async function open(options: SessionOptions = {}): Promise<Session> {
    const session = await openSession(browser, server.baseUrl, options);
    sessions.push(session);
    return session;
  }

  async function openAsAdmin(options: SessionOptions = {}): Promise<Session> {
    if (!adminState) throw new Error('the administrator has not been created yet');
    return open({ ...options, storageState: adminState });
  }

  /** Takes a screenshot to look at, and checks that nothing on the page was left untranslated. */
  async function look(page: Page, name: string): Promise<void> {
    await takeScreenshot(page, name);
    expect(await untranslatedKeys(page, NAMESPACES), `untranslated text on ${name}`).to.deep.equal([]);
  }

  /** Opens the one-time invitation link of a new account and chooses its password. */
  async function acceptInvitation(url: string, password: string): Promise<Session> {
    const session = await open();
    await session.page.goto(url);
    await session.page.locator('#password').fill(password);
    await session.page.locator('#confirm').fill(password);
    await clickAndWait(session.page, session.page.locator('main button[type=submit]'));
    return session;
  }

  before(async function () {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      for (const [i, s] of sessions.entries()) {
        await takeScreenshot(s.page, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}-${i}`).catch(() => undefined);
      }
    }
    await Promise.all(sessions.map((s) => s.close()));
    sessions = [];
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('sends a signed-out visitor to the sign-in page', async function () {
    const { page, problems } = await open();

    await page.goto('/');

    expect(new URL(page.url()).pathname).to.equal('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).to.equal('/');
    expect(await htmlLang(page)).to.equal('en');
    expect(await heading(page)).to.equal(en.signIn.title);
    // Signed out, the header offers the public policy database only.
    expect(await page.locator('header .nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).to.deep.equal(['/overviews']);
    await look(page, '01-sign-in');
    expect(problems).to.deep.equal([]);
  });

  it('creates the first administrator through the one-time setup link, which then stops working', async function () {
    const { context, page, problems } = await open();

    await page.goto(server.setupUrl);
    expect(await heading(page)).to.equal(en.setup.title);
    await look(page, '02-setup');
    await page.locator('#email').fill(ADMIN.email);
    await page.locator('#displayName').fill(ADMIN.name);
    await page.locator('#language').selectOption('en');
    await page.locator('#password').fill(ADMIN.password);
    await page.locator('#confirm').fill(ADMIN.password);
    await clickAndWait(page, page.getByRole('button', { name: en.setup.submit }));

    expect(page.url()).to.equal(`${server.baseUrl}/`);
    expect(await heading(page)).to.equal(en.home.title);
    expect(await page.locator('header .who').innerText()).to.contain(ADMIN.name).and.contain(en.roles.admin);
    expect(await navigationPaths(page)).to.include.members(ADMIN_PATHS);
    await look(page, '03-admin-home');
    adminState = await context.storageState();

    const again = await page.goto(server.setupUrl);
    expect(again?.status()).to.equal(410);
    expect(await heading(page)).to.equal(en.errors.title[410]);
    expect(problems).to.deep.equal([]);
  });

  it('answers a failed sign-in with the same neutral message for a wrong password and an unknown address', async function () {
    const { page, problems } = await open();

    await signIn(page, ADMIN.email, 'not the password at all');
    expect(new URL(page.url()).pathname).to.equal('/sign-in');
    expect(await page.getByRole('alert').innerText()).to.equal(en.signIn.failed);
    expect(await page.locator('#email').inputValue()).to.equal(ADMIN.email);
    expect(await page.locator('#password').inputValue()).to.equal('');
    await look(page, '04-sign-in-failed');

    await signIn(page, 'nobody@example.org', 'not the password at all');
    expect(await page.getByRole('alert').innerText()).to.equal(en.signIn.failed);
    expect(problems).to.deep.equal([]);
  });

  it('lets the administrator add a Member State with the form, explaining a wrong code at the field', async function () {
    const { page, problems } = await openAsAdmin();
    await page.goto('/');

    await clickAndWait(page, page.locator('header .nav').getByRole('link', { name: en.nav.memberStates }));
    await clickAndWait(page, page.getByRole('link', { name: en.memberStates.new }));
    await page.locator('#iso3').fill('SN');
    await page.locator('#names_en').fill('Senegal');
    await page.locator('#names_fr').fill('Sénégal');
    await page.locator('#names_es').fill('Senegal');
    await page.getByRole('radio', { name: en.memberStates.status.member }).check();
    await clickAndWait(page, page.getByRole('button', { name: en.forms.save }));

    expect(await page.locator('.error-summary').innerText()).to.contain(en.validation.iso3);
    expect(await page.locator('#iso3').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('#iso3-error').innerText()).to.equal(en.validation.iso3);
    expect(await page.locator('#names_fr').inputValue()).to.equal('Sénégal');
    expect((await focusedElement(page))?.text).to.contain(en.forms.errorSummary);
    await look(page, '05-member-state-field-error');

    await page.locator('#iso3').fill('SEN');
    await clickAndWait(page, page.getByRole('button', { name: en.forms.save }));

    expect(new URL(page.url()).pathname).to.equal('/admin/member-states');
    const row = page.locator('table.data tbody tr', { hasText: 'SEN' });
    expect(await row.locator('th, td').allInnerTexts()).to.deep.equal(['SEN', 'Senegal', 'Sénégal', 'Senegal', en.memberStates.status.member]);
    await look(page, '06-member-states-list');
    expect(problems).to.deep.equal([]);
  });

  it('imports Member States from a CSV file and reports what was created, unchanged and rejected', async function () {
    const { page, problems } = await openAsAdmin();
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-csv-'));
    const file = path.join(dir, 'member-states.csv');
    writeFileSync(file, MEMBER_STATES_CSV);
    try {
      await page.goto('/admin/member-states');
      await clickAndWait(page, page.getByRole('link', { name: en.memberStates.import.title }));
      await page.locator('#file').setInputFiles(file);
      await clickAndWait(page, page.getByRole('button', { name: en.memberStates.import.submit }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const report = page.getByRole('status');
    expect(await report.locator('h2').innerText()).to.equal(en.memberStates.import.report);
    expect(await report.locator('p').first().innerText()).to.equal(message(en.memberStates.import.summary, { created: 3, updated: 0, unchanged: 1, rejected: 1 }));
    const rejected = await report.locator('tbody tr td').allInnerTexts();
    expect(rejected.slice(0, 2)).to.deep.equal(['6', 'XX']);
    expect(rejected[2]).to.contain(en.validation.iso3);
    await look(page, '07-import-report');

    await clickAndWait(page, page.locator('header .nav').getByRole('link', { name: en.nav.memberStates }));
    expect(await page.locator('table.data tbody th').allInnerTexts()).to.have.members(['FRA', 'MEX', 'SEN', 'VAT']);
    expect(await page.locator('table.data tbody tr', { hasText: 'VAT' }).locator('td').last().innerText()).to.equal(en.memberStates.status.observer);
    expect(problems).to.deep.equal([]);
  });

  it('creates a delegate for SEN and shows the one-time invitation link to pass on', async function () {
    const { page, problems } = await open();
    await signIn(page, ADMIN.email, ADMIN.password);

    await clickAndWait(page, page.locator('header .nav').getByRole('link', { name: en.nav.users }));
    await clickAndWait(page, page.getByRole('link', { name: en.users.new }));
    await page.locator('#email').fill(DELEGATE.email);
    await page.locator('#displayName').fill(DELEGATE.name);
    await page.locator('#role').selectOption('delegate');
    await page.locator('#memberState').selectOption('SEN');
    await page.locator('#language').selectOption('en');
    await clickAndWait(page, page.getByRole('button', { name: en.users.createAndInvite }));

    expect(await heading(page)).to.equal(en.users.created);
    expect(await page.locator('.lead').innerText()).to.equal(message(en.users.invitationIntro, { name: DELEGATE.name, email: DELEGATE.email }));
    invitationUrl = await page.getByLabel(en.users.linkLabel).inputValue();
    expect(invitationUrl).to.match(new RegExp(`^${server.baseUrl}/invitations/[\\w-]{20,}$`));
    await look(page, '08-user-created-with-link');

    await clickAndWait(page, page.getByRole('link', { name: en.users.backToList }));
    const row = page.locator('table.data tbody tr', { hasText: DELEGATE.email });
    expect(await row.locator('td').allInnerTexts()).to.include.members([en.roles.delegate, 'SEN', en.users.active]);

    await signOut(page);
    expect(new URL(page.url()).pathname).to.equal('/sign-in');
    expect(await page.locator('header .who').count()).to.equal(0);
    expect(problems).to.deep.equal([]);
  });

  it('lets the delegate choose a password from the invitation link, signed in for their Member State', async function () {
    const { context, page, problems } = await open();

    await page.goto(invitationUrl);
    expect(await heading(page)).to.equal(en.invitation.title);
    expect(await page.locator('.lead').innerText()).to.contain(DELEGATE.name).and.contain(DELEGATE.email);
    await page.locator('#password').fill(DELEGATE.password);
    await page.locator('#confirm').fill(`${DELEGATE.password}!`);
    await clickAndWait(page, page.getByRole('button', { name: en.invitation.submit }));
    expect(await page.locator('#confirm-error').innerText()).to.equal(en.validation.passwordMismatch);

    await page.locator('#password').fill(DELEGATE.password);
    await page.locator('#confirm').fill(DELEGATE.password);
    await clickAndWait(page, page.getByRole('button', { name: en.invitation.submit }));

    expect(page.url()).to.equal(`${server.baseUrl}/`);
    expect(await heading(page)).to.equal(en.home.title);
    const who = await page.locator('header .who').innerText();
    // The Member State by its name in the reader's language, not its code.
    expect(who).to.contain(DELEGATE.name).and.contain(en.roles.delegate).and.contain('Senegal');
    expect(await page.locator('main').innerText()).to.contain(message(en.home.delegateHint, { memberState: 'Senegal' }));
    expect(await navigationPaths(page)).to.not.include.any.members(ADMIN_PATHS);
    await look(page, '09-delegate-home-en');
    delegateState = await context.storageState();

    const again = await page.goto(invitationUrl);
    expect(again?.status()).to.equal(410);
    expect(problems).to.deep.equal([]);
  });

  it('signs the delegate out and in again with the chosen password', async function () {
    const { page, problems } = await open();
    await signIn(page, DELEGATE.email, DELEGATE.password);
    expect(await page.locator('header .who').innerText()).to.contain('Senegal');

    await signOut(page);
    expect(new URL(page.url()).pathname).to.equal('/sign-in');
    expect((await page.goto('/'))?.url()).to.contain('/sign-in');

    await signIn(page, DELEGATE.email, DELEGATE.password);
    expect(page.url()).to.equal(`${server.baseUrl}/`);
    expect(await heading(page)).to.equal(en.home.title);
    expect(await page.locator('header .who').innerText()).to.contain(DELEGATE.name).and.contain('Senegal');
    expect(problems).to.deep.equal([]);
  });

  it('switches the delegate\'s pages to French and Spanish, remembers the choice and refuses /admin/users in that language', async function () {
    const { page, problems } = await open({ storageState: delegateState });
    await page.goto('/');

    await clickAndWait(page, page.locator('.language-switcher button[value=fr]'));
    expect(await htmlLang(page)).to.equal('fr');
    expect(await heading(page)).to.equal(fr.home.title);
    expect(await page.locator('main').innerText()).to.contain(message(fr.home.delegateHint, { memberState: 'Sénégal' }));
    expect(await page.locator('header .who').innerText()).to.contain('Sénégal');
    expect(await page.locator('.language-switcher button[value=fr]').getAttribute('aria-current')).to.equal('true');
    await look(page, '10-delegate-home-fr');

    const forbidden = await page.goto('/admin/users');
    expect(forbidden?.status()).to.equal(403);
    expect(await htmlLang(page)).to.equal('fr');
    expect(await heading(page)).to.equal(fr.errors.title[403]);
    expect(await page.locator('main .lead').innerText()).to.equal(fr.errors.forbidden);
    await look(page, '11-forbidden-fr');

    await page.goto('/');
    await clickAndWait(page, page.locator('.language-switcher button[value=es]'));
    expect(await htmlLang(page)).to.equal('es');
    expect(await heading(page)).to.equal(es.home.title);
    expect(await page.locator('.skip-link').innerText()).to.equal(es.layout.skip);
    await look(page, '12-delegate-home-es');

    await page.goto('/admin/users');
    expect(await heading(page)).to.equal(es.errors.title[403]);
    expect(await page.locator('main .lead').innerText()).to.equal(es.errors.forbidden);

    const later = await open();
    await signIn(later.page, DELEGATE.email, DELEGATE.password);
    expect(await htmlLang(later.page)).to.equal('es');
    expect(await heading(later.page)).to.equal(es.home.title);
    await clickAndWait(later.page, later.page.locator('.language-switcher button[value=en]'));
    expect(await heading(later.page)).to.equal(en.home.title);
    expect([...problems, ...later.problems]).to.deep.equal([]);
  });

  it('keeps a signed-out visitor\'s language choice on the next page', async function () {
    const { page, problems } = await open();
    await page.goto('/sign-in');

    await clickAndWait(page, page.locator('.language-switcher button[value=fr]'));
    expect(new URL(page.url()).pathname).to.equal('/sign-in');
    expect(await heading(page)).to.equal(fr.signIn.title);

    await page.goto('/sign-in');
    expect(await htmlLang(page)).to.equal('fr');
    expect(await page.getByRole('button', { name: fr.signIn.submit }).count()).to.equal(1);
    expect(problems).to.deep.equal([]);
  });

  it('reaches the skip link first with the keyboard, shows where focus is, and jumps to the main content', async function () {
    const { page, problems } = await open();
    await page.goto('/sign-in');

    await page.keyboard.press('Tab');
    const skip = await focusedElement(page);
    expect(skip).to.include({ tag: 'a', href: '#main', text: en.layout.skip, outlineStyle: 'solid', inViewport: true });
    expect(skip!.outlineWidth).to.be.at.least(2);
    await look(page, '13-skip-link-focused');

    await page.keyboard.press('Enter');
    // The fragment navigation the key starts may not have reached the page's address yet.
    await page.waitForURL((url) => url.hash === '#main').catch(() => undefined);
    expect(new URL(page.url()).hash).to.equal('#main');
    expect((await focusedElement(page))?.tag).to.equal('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.id')).to.equal('email');
    const field = await focusedElement(page);
    expect(field).to.include({ outlineStyle: 'solid', inViewport: true });

    const admin = await openAsAdmin();
    await admin.page.goto('/');
    await admin.page.keyboard.press('Tab');
    expect(await focusedElement(admin.page)).to.include({ href: '#main', text: en.layout.skip });
    await admin.page.keyboard.press('Tab');
    const brand = await focusedElement(admin.page);
    expect(brand).to.include({ tag: 'a', href: '/', outlineStyle: 'solid', inViewport: true });
    expect([...problems, ...admin.problems]).to.deep.equal([]);
  });

  it('shows a staff member the 403 page in the language of their account on /admin/users', async function () {
    const admin = await openAsAdmin();
    await admin.page.goto('/admin/users/new');
    await admin.page.locator('#email').fill(STAFF.email);
    await admin.page.locator('#displayName').fill(STAFF.name);
    await admin.page.locator('#role').selectOption('staff');
    await admin.page.locator('#language').selectOption('es');
    await clickAndWait(admin.page, admin.page.getByRole('button', { name: en.users.createAndInvite }));
    const link = await admin.page.getByLabel(en.users.linkLabel).inputValue();

    const staff = await acceptInvitation(link, STAFF.password);
    expect(await htmlLang(staff.page)).to.equal('es');
    const staffPaths = await navigationPaths(staff.page);
    expect(staffPaths).to.include('/admin/member-states');
    expect(staffPaths).to.not.include.any.members(['/admin/users', '/admin/audit']);
    const forbidden = await staff.page.goto('/admin/users');

    expect(forbidden?.status()).to.equal(403);
    expect(await htmlLang(staff.page)).to.equal('es');
    expect(await heading(staff.page)).to.equal(es.errors.title[403]);
    expect(await staff.page.locator('main .lead').innerText()).to.equal(es.errors.forbidden);
    await look(staff.page, '14-forbidden-staff-es');
    expect([...admin.problems, ...staff.problems]).to.deep.equal([]);
  });

  it('shows the administrator an intact audit log that recorded the journey', async function () {
    const { page, problems } = await openAsAdmin();

    await page.goto('/');
    await clickAndWait(page, page.locator('header .nav').getByRole('link', { name: en.nav.audit }));

    const rows = page.locator('table.data tbody tr');
    const count = await rows.count();
    expect(await page.getByRole('status').innerText()).to.equal(message(en.audit.chainOk, { count }));
    const actions = await rows.locator('td:nth-child(4)').allInnerTexts();
    expect(actions).to.include.members(['user.setup', 'member-state.create', 'member-state.import', 'user.create', 'user.password-set']);
    expect(await rows.filter({ hasText: 'user.password-set' }).locator('td:nth-child(3)').allInnerTexts()).to.include(DELEGATE.email);
    await look(page, '15-audit-log');
    expect(problems).to.deep.equal([]);
  });

  it('fits the administrator\'s pages on a phone screen without sideways scrolling', async function () {
    const { page, problems } = await openAsAdmin({ viewport: MOBILE_VIEWPORT });

    for (const [pathname, name] of [['/', 'home'], ['/admin/member-states', 'member-states'], ['/admin/users', 'users'], ['/admin/member-states/import', 'import'], ['/admin/audit', 'audit']] as const) {
      await page.goto(pathname);
      await look(page, `16-mobile-${name}`);
      expect(await horizontalOverflow(page), `sideways overflow on ${pathname}`).to.equal(0);
    }
    expect(problems).to.deep.equal([]);
  });

  it('works with JavaScript turned off: sign in, switch language, add a Member State, sign out', async function () {
    const { page, problems } = await open({ javaScript: false });
    await signIn(page, ADMIN.email, ADMIN.password);
    expect(await heading(page)).to.equal(en.home.title);

    await clickAndWait(page, page.locator('.language-switcher button[value=fr]'));
    expect(await heading(page)).to.equal(fr.home.title);
    await page.goto('/admin/member-states/new');
    await page.getByLabel(fr.fields.iso3).fill('MAR');
    await page.getByLabel(fr.fields.nameEn).fill('Morocco');
    await page.getByLabel(fr.fields.nameFr).fill('Maroc');
    await page.getByLabel(fr.fields.nameEs).fill('Marruecos');
    await clickAndWait(page, page.getByRole('button', { name: fr.forms.save }));
    expect(new URL(page.url()).pathname).to.equal('/admin/member-states');
    expect(await page.locator('table.data tbody tr', { hasText: 'MAR' }).locator('td').last().innerText()).to.equal(fr.memberStates.status.member);

    await clickAndWait(page, page.locator('.language-switcher button[value=en]'));
    await signOut(page);
    expect(new URL(page.url()).pathname).to.equal('/sign-in');
    expect(problems).to.deep.equal([]);
  });
});
