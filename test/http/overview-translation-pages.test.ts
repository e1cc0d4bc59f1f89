import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createEvent } from '../../server/domain/overviews/events.js';
import { reviewOverview, saveOverview } from '../../server/domain/overviews/overviews.js';
import { saveTranslation } from '../../server/domain/overviews/translation-changes.js';
import { csrfFrom, submitForm, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn, type SignedIn, type TestAccount } from '../helpers/signed-in.js';

describe('Policy overview translation pages', () => {
  let s: SignedIn;
  let ctx: TestContext;
  let app: Express;
  let delegate: TestAccount;
  let eventId: number;

  useSignedIn({ memberStates: ['CHL', 'FRA'] }, async (signedIn) => {
    s = signedIn;
    ({ ctx } = s);
    app = await s.app();
    delegate = await s.createDelegate('CHL');
    eventId = (await createEvent(ctx.deps, s.admin.actor, {
      title: { en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' },
      call: { deadline: '2026-12-15T17:00:00Z', maxWords: 12, sections: [{ heading: { en: 'Framework', fr: 'Cadre', es: 'Marco' } }, { heading: { en: 'Practice', fr: 'Pratique', es: 'Práctica' } }] },
    })).id;
  });

  const writeOriginal = (extra: Record<string, unknown> = {}) => saveOverview(ctx.deps, delegate.actor, eventId, {
    language: 'es', title: 'Chile', sections: [{ text: 'La **ley** de 2008.' }, { text: 'Retorno asistido.' }], ...extra,
  });
  const page = (lang: string) => `/events/${eventId}/overview/translations/${lang}`;

  it('lets a delegate add, change and remove a translation without JavaScript, with the original beside each field and the limit per version', async () => {
    const agent: Agent = await delegate.agent();
    expect((await agent.get(`/events/${eventId}/overview`)).text).to.contain('Save the overview first; you can then add its translations.');
    expect((await agent.get(page('fr'))).status).to.equal(409);
    await writeOriginal();

    const overviewPage = await agent.get(`/events/${eventId}/overview`);
    expect(overviewPage.text).to.contain(`href="${page('fr')}">Add a French translation</a>`);
    expect(overviewPage.text).to.contain(`href="${page('en')}">Add an English translation</a>`);
    expect(overviewPage.text).not.to.contain(page('es'));
    // The overview's own language is not a translation.
    expect((await agent.get(page('es'))).headers.location).to.equal(`/events/${eventId}/overview`);
    expect((await agent.get(page('de'))).status).to.equal(404);

    const form = await agent.get(page('fr'));
    expect(form.status).to.equal(200);
    expect(form.text).to.contain('<h1>French translation: Return migration</h1>');
    expect(form.text).to.contain('<blockquote lang="es"><p>La <strong>ley</strong> de 2008.</p></blockquote>');
    expect(form.text).to.contain('<span lang="fr">Cadre</span>').and.contain('Original (Spanish)');
    expect(form.text).to.contain('name="section_1" rows="10" lang="fr"');
    expect(form.text).to.contain('Length: 0 of at most 12 words (the limit applies to each language version).');
    expect(form.text).not.to.contain('/remove');

    // Twelve words of the original do not count against the translation's twelve.
    const tooLong = await submitForm(agent, page('fr'), page('fr'), {
      baseRevision: '1', title: 'Chili', section_0: 'un deux trois quatre cinq six sept', section_1: 'huit neuf dix onze douze treize', action: 'draft',
    });
    expect(tooLong.status).to.equal(422);
    expect(tooLong.text).to.contain('The overview has 13 words; the limit is 12.');
    expect(tooLong.text).to.contain('huit neuf dix onze douze treize</textarea>');

    const saved = await submitForm(agent, page('fr'), page('fr'), {
      baseRevision: '1', title: 'Chili', section_0: 'La *loi* de 2008.', section_1: 'Retour assisté.', action: 'draft',
    });
    expect(saved.status).to.equal(303);
    expect(saved.headers.location).to.equal(`${page('fr')}?saved=2`);
    const after = await agent.get(saved.headers.location!);
    expect(after.text).to.contain('Translation saved: version 2 of the overview, draft.');
    expect(after.text).to.contain('Retour assisté.</textarea>').and.contain('value="Chili"');
    expect(after.text).to.contain('Length: 6 of at most 12 words');
    expect((await agent.get(`/events/${eventId}/overview`)).text).to.contain(`href="${page('fr')}">Edit the French translation</a> (6 words)`);

    // A form opened at version 1 is refused once version 2 is saved.
    const stale = await agent.post(page('fr')).type('form').send({
      _csrf: csrfFrom(form.text), baseRevision: '1', title: 'X', section_0: 'x', section_1: 'y', action: 'submit',
    });
    expect(stale.status).to.equal(409);
    expect(stale.text).to.contain('(version 2) after you started');
    expect(stale.text).to.contain('>y</textarea>');

    const removed = await submitForm(agent, page('fr'), `${page('fr')}/remove`, { baseRevision: '2' });
    expect(removed.status).to.equal(303);
    expect((await agent.get(removed.headers.location!)).text).to.contain('Translation removed: version 3 of the overview, draft.');
    expect((await agent.get(`/events/${eventId}/overview`)).text).to.contain('Add a French translation');
    expect(await ctx.db('overview_translations').count({ n: '*' }).first().then((r) => Number(r!.n))).to.equal(0);

    await ctx.db('users').where({ id: delegate.user.id }).update({ language: 'fr' });
    const french = await (await delegate.agent()).get(page('fr'));
    expect(french.text).to.contain('Traduction française\u202f: Migration de retour');
    expect(french.text).to.contain('Longueur\u202f: 0 mots sur 12 au plus');
    expect((await (await delegate.agent()).get(`/events/${eventId}/overview`)).text).to.contain('Ajouter une traduction française');
  });

  it('shows a translation escaped and sanitised, on its own page with its language, linked from the original once published', async () => {
    const { id } = await writeOriginal();
    await saveTranslation(ctx.deps, delegate.actor, eventId, 'fr', {
      title: 'Le <b>Chili</b>', sections: [{ text: 'La loi.<script>alert(1)</script> <img src=x onerror=alert(2)>' }, { text: '[x](javascript:alert(3)) et [site](https://example.org)' }], submit: true,
    });
    // Not published: nothing of it is public, nor shown to another Member State.
    expect((await request(app).get(`/overviews/${id}/fr`)).status).to.equal(404);
    const other = await (await s.createDelegate('FRA')).agent();
    expect((await other.get(`/overviews/${id}/fr`)).status).to.equal(404);
    expect((await other.get(page('fr'))).status).to.equal(409);
    // The delegation previews it; the Administration reviews it.
    expect((await (await delegate.agent()).get(`/overviews/${id}/fr`)).status).to.equal(200);
    const admin = await s.admin.agent();
    const review = await admin.get('/admin/overviews');
    expect(review.text).to.contain(`<a href="/overviews/${id}/fr">French</a> (`);

    await reviewOverview(ctx.deps, s.admin.actor, id, 'publish', {});
    const shown = await request(app).get(`/overviews/${id}`);
    expect(shown.status).to.equal(200);
    expect(shown.text).to.contain('<article class="overview" lang="es">');
    expect(shown.text).to.contain(`<a href="/overviews/${id}/fr" hreflang="fr" lang="fr" >Français</a>`);
    expect(shown.text).to.contain(`<link rel="alternate" hreflang="fr" href="${ctx.config.baseUrl}/overviews/${id}/fr">`);
    expect(shown.text).to.contain(`<link rel="alternate" hreflang="es" href="${ctx.config.baseUrl}/overviews/${id}">`);

    const version = await request(app).get(`/overviews/${id}/fr`).set('Accept-Language', 'en');
    expect(version.status).to.equal(200);
    expect(version.text).to.contain('<article class="overview" lang="fr">');
    expect(version.text).to.contain('This is a translation of the original, which is written in Spanish.');
    expect(version.text).to.contain('<h1 lang="fr">Le &lt;b&gt;Chili&lt;/b&gt;</h1>');
    expect(version.text).to.contain('<h2 lang="fr">Cadre</h2>');
    expect(version.text).to.contain('<a href="https://example.org" rel="nofollow noopener">site</a>');
    expect(version.text).not.to.match(/<script>alert|onerror|javascript:|<img/);
    expect(version.text).to.contain(`aria-current="page">Français</a>`);

    expect((await request(app).get(`/overviews/${id}/es`)).headers.location).to.equal(`/overviews/${id}`);
    expect((await request(app).get(`/overviews/${id}/en`)).status).to.equal(404);
    expect((await request(app).get(`/overviews/${id}/xx`)).status).to.equal(404);

    // Published, the translations are locked with the overview.
    const locked = await (await delegate.agent()).get(page('fr'));
    expect(locked.text).to.contain('This overview is published: its translations can no longer be changed.');
    expect(locked.text).to.contain('<fieldset disabled>');
  });
});
