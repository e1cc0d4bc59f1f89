// Translations of a policy overview in a real browser: a delegate (in English, scripts off) writes
// the overview in English and adds its Spanish translation with the original shown beside each
// field; an administrator publishes it; a visitor reading French opens the Spanish version from
// the original. axe-core checks every page on the way.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { closeSessions, launchBrowser, openSession, takeScreenshot, type Session } from './helpers/browser.js';
import { clickAndWait, heading, signIn, untranslatedKeys } from './helpers/pages.js';
import { createFirstAdmin } from './helpers/first-admin.js';
import { startServer, type RunningServer } from './helpers/server.js';
import { en } from '../../server/i18n/en.js';

const ADMIN = { email: 'translation.admin@example.org', name: 'Translation Admin', password: 'an administrator passphrase for translations' };
const DELEGATE = { email: 'ana.rojas@mission.example', name: 'Ana Rojas', password: 'a delegate passphrase for translations' };
const NAMESPACES = [...Object.keys(en), 'overviews', 'events', 'overviewTranslations'];

describe('Policy overview translations in a browser', function () {
  let server: RunningServer;
  let browser: Browser;
  let sessions: Session[] = [];

  async function open(options: Parameters<typeof openSession>[2] = {}): Promise<Session> {
    const session = await openSession(browser, server.baseUrl, options);
    sessions.push(session);
    return session;
  }

  before(async function () {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { session: admin, api } = await createFirstAdmin(browser, server, ADMIN);
    await api('/member-states', { iso3: 'CHL', names: { en: 'Chile', fr: 'Chili', es: 'Chile' }, status: 'member' });
    await api('/users', { email: DELEGATE.email, displayName: DELEGATE.name, role: 'delegate', memberState: 'CHL', language: 'en', password: DELEGATE.password });
    await api('/events', {
      title: { en: 'Labour migration', fr: 'Migration de main-d’œuvre', es: 'Migración laboral' },
      call: {
        deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(), maxWords: 300,
        sections: [
          { heading: { en: 'Policy framework', fr: 'Cadre politique', es: 'Marco normativo' } },
          { heading: { en: 'Programmes', fr: 'Programmes', es: 'Programas' } },
        ],
      },
    });
    await admin.close();
  });

  afterEach(async function () {
    await closeSessions(sessions, this.currentTest, 'failed-translation');
    sessions = [];
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('goes from the delegation’s translation page to the published language versions', async () => {
    const delegate = await open({ javaScript: false });
    await signIn(delegate.page, DELEGATE.email, DELEGATE.password);
    await delegate.page.goto('/events');
    await clickAndWait(delegate.page, delegate.page.getByRole('link', { name: 'Write your overview' }));
    await delegate.page.getByLabel('Language of the overview').selectOption('en');
    await delegate.page.getByLabel('Title').fill('Chile’s labour migration policy');
    await delegate.page.getByLabel('Policy framework').fill('The **2021** migration law sets the rules for work visas.');
    await delegate.page.getByLabel('Programmes').fill('Seasonal work programmes with neighbouring countries.');
    await clickAndWait(delegate.page, delegate.page.getByRole('button', { name: 'Save as draft' }));
    await clickAndWait(delegate.page, delegate.page.getByRole('link', { name: 'Add a Spanish translation' }));
    expect(await heading(delegate.page)).to.equal('Spanish translation: Labour migration');
    expect(await delegate.page.locator('blockquote[lang="en"] strong').first().innerText()).to.equal('2021');
    await delegate.page.getByLabel('Title').fill('La política de migración laboral de Chile');
    await delegate.page.getByLabel('Marco normativo').fill('La ley de migración de **2021** fija las reglas de las visas de trabajo.');
    await delegate.page.getByLabel('Programas').fill('Programas de trabajo de temporada con los países vecinos.');
    await clickAndWait(delegate.page, delegate.page.getByRole('button', { name: 'Submit to the Administration' }));
    await delegate.page.getByText('Translation saved: version 2 of the overview, submitted.').waitFor();
    expect(await untranslatedKeys(delegate.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(delegate.page, 'overview-translation-form');

    const admin = await open();
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.goto('/admin/overviews');
    await admin.page.getByRole('link', { name: 'Spanish' }).waitFor();
    await clickAndWait(admin.page, admin.page.getByRole('button', { name: /^Publish/ }));
    await admin.page.locator('.badge.status-published').waitFor();

    const visitor = await open({ locale: 'fr-FR' });
    await visitor.page.goto('/overviews');
    await clickAndWait(visitor.page, visitor.page.getByRole('link', { name: 'Chile’s labour migration policy' }));
    expect(await visitor.page.locator('article.overview').getAttribute('lang')).to.equal('en');
    expect(await visitor.page.locator('link[rel="alternate"][hreflang="es"]').count()).to.equal(1);
    await clickAndWait(visitor.page, visitor.page.getByRole('navigation', { name: 'Versions linguistiques' }).getByRole('link', { name: 'Español' }));
    expect(await visitor.page.locator('article.overview').getAttribute('lang')).to.equal('es');
    expect(await heading(visitor.page)).to.equal('La política de migración laboral de Chile');
    await visitor.page.getByText('Ceci est une traduction de l’original, rédigé en anglais.').waitFor();
    expect(await untranslatedKeys(visitor.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(visitor.page, 'overview-translation-version');
  });
});
