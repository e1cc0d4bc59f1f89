// The policy database in a real browser, in the three languages: a delegate (in French) writes and
// submits an overview, an administrator (in English) publishes it, and a visitor with no account
// (in Spanish) finds it by searching and opens its page. axe-core checks every page on the way.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { closeSessions, launchBrowser, openSession, takeScreenshot, type Session } from './helpers/browser.js';
import { clickAndWait, heading, htmlLang, signIn, untranslatedKeys } from './helpers/pages.js';
import { createFirstAdmin } from './helpers/first-admin.js';
import { startServer, type RunningServer } from './helpers/server.js';
import { en } from '../../server/i18n/en.js';

const ADMIN = { email: 'overview.admin@example.org', name: 'Overview Admin', password: 'an administrator passphrase for overviews' };
const DELEGATE = { email: 'claire.martin@mission.example', name: 'Claire Martin', password: 'a delegate passphrase for overviews' };
const NAMESPACES = [...Object.keys(en), 'overviews', 'events'];

describe('Policy overview journey in a browser', function () {
  let server: RunningServer;
  let browser: Browser;
  let sessions: Session[] = [];
  let eventId: number;

  async function open(options: Parameters<typeof openSession>[2] = {}): Promise<Session> {
    const session = await openSession(browser, server.baseUrl, options);
    sessions.push(session);
    return session;
  }

  before(async function () {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { session: admin, api } = await createFirstAdmin(browser, server, ADMIN);
    await api('/member-states', { iso3: 'FRA', names: { en: 'France', fr: 'France', es: 'Francia' }, status: 'member' });
    await api('/users', { email: DELEGATE.email, displayName: DELEGATE.name, role: 'delegate', memberState: 'FRA', language: 'fr', password: DELEGATE.password });
    eventId = (await api('/events', {
      title: { en: 'Return migration: challenges and opportunities', fr: 'Migration de retour : défis et perspectives', es: 'Migración de retorno: desafíos y oportunidades' },
      reference: 'IC/2008/3', startsOn: '2008-03-25', endsOn: '2008-03-26', place: 'Genève',
      call: {
        deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(), maxWords: 300,
        sections: [
          { heading: { en: 'Policy framework', fr: 'Cadre politique', es: 'Marco normativo' }, guidance: { en: 'Laws and institutions.', fr: 'Lois et institutions.', es: 'Leyes e instituciones.' } },
          { heading: { en: 'Programmes', fr: 'Programmes', es: 'Programas' } },
        ],
      },
    })).id;
    await admin.close();
  });

  afterEach(async function () {
    await closeSessions(sessions, this.currentTest, 'failed-overview');
    sessions = [];
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('goes from the delegation’s overview to the public catalogue', async () => {
    // A delegate, whose account is in French, writes and submits the overview.
    const delegate = await open();
    await signIn(delegate.page, DELEGATE.email, DELEGATE.password);
    await delegate.page.goto('/events');
    expect(await htmlLang(delegate.page)).to.equal('fr');
    await clickAndWait(delegate.page, delegate.page.getByRole('link', { name: 'Rédiger votre aperçu' }));
    expect(await heading(delegate.page)).to.contain('Migration de retour');
    await delegate.page.getByLabel('Langue de l’aperçu').selectOption('fr');
    await delegate.page.getByLabel('Titre').fill('La politique française des retours volontaires');
    await delegate.page.getByLabel('Cadre politique').fill('La loi de 2007 organise l’aide au **retour volontaire** des migrants.\n\n- accompagnement\n- réinsertion');
    await delegate.page.getByLabel('Programmes').fill('Des programmes de réinsertion dans les pays d’origine.');
    // The length against the limit follows the typing, counted as the server counts it.
    await delegate.page.locator('#word-count', { hasText: /\b21\b.*\b300\b/ }).waitFor();
    await clickAndWait(delegate.page, delegate.page.getByRole('button', { name: 'Soumettre à l’Administration' }));
    await delegate.page.getByText('Enregistré : version 1, soumis.'.replace(' :', '\u202f:')).waitFor();
    expect(await untranslatedKeys(delegate.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(delegate.page, 'overview-delegate-submitted');

    // The administrator, in English, publishes it from the review page.
    const admin = await open();
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.goto('/admin/overviews');
    expect(await heading(admin.page)).to.equal('Policy overviews to review');
    await clickAndWait(admin.page, admin.page.getByRole('button', { name: /^Publish/ }));
    await admin.page.locator('.badge.status-published').waitFor();
    expect(await untranslatedKeys(admin.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(admin.page, 'overview-admin-published');

    // A visitor with no account, reading Spanish, finds it by searching with a stem and no accent.
    const visitor = await open({ locale: 'es-ES' });
    await visitor.page.goto('/overviews');
    expect(await htmlLang(visitor.page)).to.equal('es');
    expect(await heading(visitor.page)).to.equal('Base de datos de políticas migratorias');
    await visitor.page.getByRole('searchbox', { name: 'Buscar en las reseñas' }).fill('reinsertion retour');
    await clickAndWait(visitor.page, visitor.page.getByRole('button', { name: 'Buscar' }));
    const result = visitor.page.getByRole('link', { name: 'La politique française des retours volontaires' });
    await result.waitFor();
    expect(await visitor.page.locator('.overview-results mark').count()).to.be.greaterThan(0);
    await takeScreenshot(visitor.page, 'overview-catalogue-search');
    await clickAndWait(visitor.page, result);
    expect(await visitor.page.locator('article.overview').getAttribute('lang')).to.equal('fr');
    expect(await visitor.page.locator('article.overview strong').innerText()).to.equal('retour volontaire');
    expect(await visitor.page.getByText('Migración de retorno: desafíos y oportunidades').count()).to.equal(1);
    expect(await untranslatedKeys(visitor.page, NAMESPACES)).to.deep.equal([]);
    await takeScreenshot(visitor.page, 'overview-page');
    expect(eventId).to.be.a('number');
  });
});
