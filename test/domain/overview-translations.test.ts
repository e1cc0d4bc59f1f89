import { expect } from 'chai';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { createEvent } from '../../server/domain/overviews/events.js';
import { getOverview, languageVersionsToIndex, overviewForDelegation, reviewOverview, saveOverview } from '../../server/domain/overviews/overviews.js';
import { removeTranslation, saveTranslation } from '../../server/domain/overviews/translation-changes.js';
import { latestAuditEntry, latestAuditSeq } from '../helpers/audit.js';
import type { TestClock, TestContext } from '../helpers/context.js';
import { rejection } from '../helpers/errors.js';
import { refusalFrom } from '../helpers/refusals.js';
import { useSignedIn } from '../helpers/signed-in.js';

const CALL = {
  deadline: '2026-12-15T17:00:00Z',
  maxWords: 10,
  sections: [{ heading: { en: 'Framework', fr: 'Cadre', es: 'Marco' } }, { heading: { en: 'Practice', fr: 'Pratique' } }],
};

describe('overview translations (domain)', () => {
  let ctx: TestContext;
  let deps: Deps;
  let clock: TestClock;
  let admin: Actor;
  let chile: Actor;
  let chile2: Actor;
  let france: Actor;
  let eventId: number;

  useSignedIn({ memberStates: ['CHL', 'FRA'] }, async (s) => {
    ({ ctx } = s);
    ({ deps, clock } = ctx);
    admin = s.admin.actor;
    chile = (await s.createDelegate('CHL')).actor;
    chile2 = (await s.createDelegate('CHL')).actor;
    france = (await s.createDelegate('FRA')).actor;
    eventId = (await createEvent(deps, admin, { title: { en: 'Return migration' }, call: CALL })).id;
  });

  const original = (extra: Record<string, unknown> = {}) =>
    saveOverview(deps, chile, eventId, { language: 'es', title: 'Chile', sections: [{ text: 'Ley de 2008.' }, { text: 'Retorno asistido.' }], ...extra });
  const french = { title: 'Chili', sections: [{ text: 'Loi de 2008.' }, { text: 'Retour *assisté*.' }] };

  it('saves a translation as a new revision of the overview, recorded with it, and reads it back with its sections rendered', async () => {
    const first = await original();
    clock.advance(60_000);
    const saved = await saveTranslation(deps, chile2, eventId, 'fr', { baseRevision: first.revision, ...french });
    expect(saved).to.deep.equal({ id: first.id, revision: 2, status: 'draft' });

    const { overview } = await overviewForDelegation(deps, chile, eventId);
    expect(overview!.language).to.equal('es');
    expect(overview!.translations).to.have.length(1);
    const fr = overview!.translations[0]!;
    expect(fr).to.include({ language: 'fr', title: 'Chili', words: 5 });
    expect(fr.sections.map((s) => s.text)).to.deep.equal(['Loi de 2008.', 'Retour *assisté*.']);
    expect(fr.sections[1]!.html).to.equal('<p>Retour <em>assisté</em>.</p>');
    expect(fr.sections[1]!.heading.fr).to.equal('Pratique');
    expect(fr.savedAt).to.equal(clock.now().toISOString());

    const revisions = await ctx.db('overview_revisions').where({ overview_id: first.id }).orderBy('revision');
    expect(revisions.map((r) => r.revision)).to.deep.equal([1, 2]);
    expect(JSON.parse(revisions[0].translations)).to.deep.equal([]);
    expect(JSON.parse(revisions[1].translations)).to.deep.equal([
      { language: 'fr', title: 'Chili', sections: ['Loi de 2008.', 'Retour *assisté*.'], savedBy: fr.savedBy, savedAt: fr.savedAt },
    ]);
    const audit = await latestAuditEntry(deps, admin);
    expect(audit.action).to.equal('overview.translation.save');
    expect(audit.details).to.include({ revision: 2, language: 'fr', status: 'draft', words: 5 });

    // A later save of the original keeps the translation, and records it again with the new revision.
    await original({ baseRevision: 2, submit: true });
    const third = await ctx.db('overview_revisions').where({ overview_id: first.id, revision: 3 }).first();
    expect(third.status).to.equal('submitted');
    expect(JSON.parse(third.translations).map((t: { language: string }) => t.language)).to.deep.equal(['fr']);
  });

  it('refuses a translation saved from a stale revision, saying who changed the overview and when, and writes nothing', async () => {
    await original();
    await saveTranslation(deps, chile2, eventId, 'en', { baseRevision: 1, title: 'Chile', sections: [{ text: 'Law.' }, { text: 'Return.' }] });
    const seq = await latestAuditSeq(deps, admin);
    const refusal = await refusalFrom(saveTranslation(deps, chile, eventId, 'fr', { baseRevision: 1, ...french }));
    expect(refusal.kind).to.equal('overview-stale');
    expect(refusal).to.have.nested.property('current.revision', 2);
    expect(refusal).to.have.nested.property('current.who').that.contains('@');
    const stale = await refusalFrom(removeTranslation(deps, chile, eventId, 'en', { baseRevision: 1 }));
    expect(stale.kind).to.equal('overview-stale');
    expect(await latestAuditSeq(deps, admin)).to.equal(seq);
    const { overview } = await overviewForDelegation(deps, chile, eventId);
    expect(overview!.translations.map((t) => t.language)).to.deep.equal(['en']);
  });

  it('keeps the overview\'s status rules: submits with it, refuses once published, after the deadline, and before the overview exists', async () => {
    expect((await rejection(saveTranslation(deps, chile, eventId, 'fr', french))).key).to.equal('errors.overviewNotStarted');
    await original();
    const submitted = await saveTranslation(deps, chile, eventId, 'fr', { ...french, submit: true });
    expect(submitted.status).to.equal('submitted');
    const row = await ctx.db('overviews').where({ id: submitted.id }).first();
    expect(row.submitted_at).to.equal(clock.now().toISOString());
    // A draft save of a translation takes the overview back to draft, as a draft save of the original does.
    expect((await saveTranslation(deps, chile, eventId, 'fr', french)).status).to.equal('draft');
    await original({ submit: true });
    await reviewOverview(deps, admin, submitted.id, 'publish', {});

    const published = await refusalFrom(saveTranslation(deps, chile, eventId, 'en', { title: 'Chile', sections: [{ text: 'A.' }, { text: 'B.' }] }));
    expect(published).to.deep.equal({ kind: 'overview-transition', from: 'published', to: 'draft' });
    expect((await refusalFrom(removeTranslation(deps, chile, eventId, 'fr', {}))).kind).to.equal('overview-transition');

    await reviewOverview(deps, admin, submitted.id, 'withdraw', { reason: 'Outdated.' });
    clock.set('2026-12-16T00:00:00Z');
    expect((await refusalFrom(saveTranslation(deps, chile, eventId, 'fr', french))).kind).to.equal('call-closed');
  });

  it('refuses a translation into the overview\'s own language, over the limit of a version, with the wrong number of sections, or by another role', async () => {
    await original();
    const own = await rejection(saveTranslation(deps, chile, eventId, 'es', french));
    expect(own.fields).to.deep.equal([{ field: 'language', key: 'validation.translationOfOriginal' }]);
    // The limit (10 words) applies to each language version: the original's 4 words do not count against it.
    const long = await rejection(saveTranslation(deps, chile, eventId, 'fr', { title: '', sections: [{ text: 'un deux trois quatre cinq six' }, { text: 'sept huit neuf dix onze' }] }));
    expect(long.fields).to.deep.equal([{ field: 'sections', key: 'validation.overWordLimit', params: { words: 11, max: 10 } }]);
    expect((await saveTranslation(deps, chile, eventId, 'fr', { sections: [{ text: 'un deux trois quatre cinq six' }, { text: 'sept huit neuf dix' }] })).revision).to.equal(2);
    const count = await rejection(saveTranslation(deps, chile, eventId, 'en', { sections: [{ text: 'One.' }] }));
    expect(count.fields[0]).to.include({ field: 'sections', key: 'validation.sectionCount' });
    expect((await rejection(saveTranslation(deps, admin, eventId, 'en', french))).kind).to.equal('forbidden');
    // Another Member State's delegate reaches only its own (unwritten) overview.
    expect((await rejection(saveTranslation(deps, france, eventId, 'en', french))).key).to.equal('errors.overviewNotStarted');
    expect((await rejection(removeTranslation(deps, france, eventId, 'fr', {}))).key).to.equal('errors.overviewNotStarted');
    expect((await overviewForDelegation(deps, chile, eventId)).overview!.translations.map((t) => t.words)).to.deep.equal([10]);
    // Removing a translation there is not is a 404, with nothing written.
    expect((await rejection(removeTranslation(deps, chile, eventId, 'en', {}))).kind).to.equal('not_found');
  });

  it('removes a translation as a new revision; refuses to give the overview a language it has a translation into', async () => {
    await original();
    await saveTranslation(deps, chile, eventId, 'fr', french);
    const changed = await rejection(original({ language: 'fr' }));
    expect(changed.fields).to.deep.equal([{ field: 'language', key: 'validation.languageHasTranslation' }]);
    expect((await overviewForDelegation(deps, chile, eventId)).overview!.revision).to.equal(2);
    const removed = await removeTranslation(deps, chile, eventId, 'fr', { baseRevision: 2 });
    expect(removed.revision).to.equal(3);
    expect((await latestAuditEntry(deps, admin)).action).to.equal('overview.translation.remove');
    expect(JSON.parse((await ctx.db('overview_revisions').where({ overview_id: removed.id, revision: 3 }).first()).translations)).to.deep.equal([]);
    expect((await original({ language: 'fr', baseRevision: 3 })).revision).to.equal(4);
  });

  it('replaces the set of translations when a save of the overview gives them, keeps them when it does not, and checks each', async () => {
    const first = await original({ translations: [{ language: 'fr', ...french }, { language: 'en', title: 'Chile', sections: [{ text: 'Law.' }, { text: 'Return.' }] }] });
    let overview = (await overviewForDelegation(deps, chile, eventId)).overview!;
    expect(overview.translations.map((t) => t.language)).to.deep.equal(['en', 'fr']);
    const frSavedAt = overview.translations[1]!.savedAt;
    clock.advance(60_000);
    await original({ baseRevision: first.revision });
    expect((await overviewForDelegation(deps, chile, eventId)).overview!.translations).to.have.length(2);
    await original({ translations: [{ language: 'fr', ...french }] });
    overview = (await overviewForDelegation(deps, chile, eventId)).overview!;
    expect(overview.translations.map((t) => t.language)).to.deep.equal(['fr']);
    // Unchanged, the French translation keeps who saved it and when.
    expect(overview.translations[0]!.savedAt).to.equal(frSavedAt);

    const bad = await rejection(original({ translations: [{ language: 'es', ...french }, { language: 'fr', title: '', sections: [{ text: 'x' }] }] }));
    expect(bad.fields).to.deep.equal([
      { field: 'translations.0.language', key: 'validation.translationOfOriginal' },
      { field: 'translations.1.sections', key: 'validation.sectionCount', params: { count: 2 } },
    ]);
    const twice = await rejection(original({ translations: [{ language: 'fr', ...french }, { language: 'fr', ...french }] }));
    expect(twice.fields).to.deep.equal([{ field: 'translations.1.language', key: 'validation.translationRepeated' }]);
    expect((await rejection(original({ translations: [{ language: 'fr', ...french }, { language: 'en', ...french }, { language: 'de', ...french }] }))).fields)
      .to.deep.include({ field: 'translations', key: 'validation.tooMany' });
    expect((await overviewForDelegation(deps, chile, eventId)).overview!.revision).to.equal(3);
  });

  it('gives the language versions to index of a published overview only, original first', async () => {
    const { id } = await original({ translations: [{ language: 'fr', ...french }], submit: true });
    expect(await languageVersionsToIndex(deps.db, id)).to.deep.equal([]);
    await reviewOverview(deps, admin, id, 'publish', {});
    expect(await languageVersionsToIndex(deps.db, id)).to.deep.equal([
      { language: 'es', original: true, title: 'Chile', text: 'Ley de 2008.\nRetorno asistido.' },
      { language: 'fr', original: false, title: 'Chili', text: 'Loi de 2008.\nRetour assisté.' },
    ]);
    expect((await getOverview(deps, null, id)).translations.map((t) => t.language)).to.deep.equal(['fr']);
    await reviewOverview(deps, admin, id, 'withdraw', { reason: 'Outdated.' });
    expect(await languageVersionsToIndex(deps.db, id)).to.deep.equal([]);
  });
});
