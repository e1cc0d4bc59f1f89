import { expect } from 'chai';
import request from 'supertest';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { missingTranslations } from '../../server/domain/surveys/model.js';
import { getSurvey } from '../../server/domain/surveys/queries.js';
import { loadActor } from '../../server/domain/accounts.js';
import { countWords } from '../../server/domain/overviews/markdown.js';
import { getOverview, searchCatalogue } from '../../server/domain/overviews/overviews.js';
import { DEMO_MEMBER_STATES } from '../../db/seeds/demo-content.js';
import { DEMO_OVERVIEW_TRANSLATIONS } from '../../db/seeds/demo-overview-translations.js';
import { DEMO_CALL_SECTIONS, DEMO_WORKSHOPS } from '../../db/seeds/demo-overviews.js';
import { createDemoRandom, DemoRefusal, seedDemo, type DemoSummary } from '../../db/seeds/seed-demo.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

type Row = Record<string, unknown>;

async function countOf(query: Promise<Row[]>): Promise<number> {
  return Number((await query)[0]?.n ?? 0);
}

describe('db/seeds/demo', function () {
  // Forty accounts, each with an argon2 hash.
  this.timeout(180_000);
  let ctx: TestContext;
  let summary: DemoSummary;

  useFreshDatabase(async (c) => {
    ctx = c;
    summary = await seedDemo(ctx.deps);
  }, { scope: 'suite' });

  it('creates the Member States, observers included, each named in English, French and Spanish', async () => {
    const states = await ctx.db('member_states').select('iso3', 'name_en', 'name_fr', 'name_es', 'status');
    expect(states).to.have.length(DEMO_MEMBER_STATES.length).and.to.have.length.within(28, 36);
    expect(states.filter((s) => s.status === 'observer').map((s) => s.iso3)).to.include('VAT').and.have.length(summary.observers);
    for (const s of states) {
      expect(s.iso3, 'ISO 3166-1 alpha-3').to.match(/^[A-Z]{3}$/);
      for (const lang of ['en', 'fr', 'es']) expect(String(s[`name_${lang}`]).trim(), `${s.iso3} ${lang}`).to.not.equal('');
    }
    expect(states.find((s) => s.iso3 === 'DEU')).to.include({ name_en: 'Germany', name_fr: 'Allemagne', name_es: 'Alemania' });
  });

  it('creates an administrator, a staff account and one or two delegates per Member State', async () => {
    const users = await ctx.db('users').leftJoin('member_states as m', 'm.id', 'users.member_state_id').select('users.role', 'users.email', 'users.password_hash', 'm.iso3');
    expect(users.filter((u) => u.role === 'admin')).to.have.length(1);
    expect(users.filter((u) => u.role === 'staff')).to.have.length(1);
    const delegates = users.filter((u) => u.role === 'delegate');
    const perState = new Map<string, number>();
    for (const u of delegates) perState.set(u.iso3, (perState.get(u.iso3) ?? 0) + 1);
    expect(perState.size).to.equal(DEMO_MEMBER_STATES.length);
    expect([...perState.values()].every((n) => n === 1 || n === 2)).to.equal(true);
    expect([...perState.values()].filter((n) => n === 2).length).to.be.at.least(2);
    expect(users.every((u) => typeof u.password_hash === 'string' && u.password_hash.startsWith('$argon2id$'))).to.equal(true);
    expect(summary.accounts.map((a) => a.email).sort()).to.deep.equal(users.map((u) => u.email).sort());
  });

  it('leaves messages in the outbox, waiting, of the kinds its events cause, in the delegates\' languages', async () => {
    const rows = await ctx.db('outbox_messages').select('kind', 'status', 'language');
    expect(rows.length).to.be.at.least(10);
    expect(new Set(rows.map((r) => r.kind))).to.include.members(['survey-opened', 'ballot-receipt', 'survey-closed', 'results-published']);
    expect(rows.every((r) => r.status === 'queued')).to.equal(true);
    expect(new Set(rows.map((r) => r.language)).size).to.be.at.least(2);
  });

  it('opens the survey of the story with its seed, one theme of two and two workshop topics of four, in three languages', async () => {
    const admin = (await loadActor(ctx.deps, (await ctx.db('users').where({ role: 'admin' }).first('id')).id))!;
    const survey = await getSurvey(ctx.deps, admin, summary.currentSurveyId);
    expect(survey.status).to.equal('open');
    expect(survey.seed).to.match(/^[0-9a-f]{32}$/);
    expect(survey.reference).to.equal('IC/2007/17');
    expect(survey.closesAt! > ctx.clock.now().toISOString()).to.equal(true);
    expect(survey.questions.map((q) => [q.seats, q.options.length])).to.deep.equal([[1, 2], [2, 4]]);
    expect(survey.questions[0]!.options.map((o) => o.title.en)).to.include('Return Migration: Challenges and Opportunities');
    expect(survey.questions[1]!.options.map((o) => o.label)).to.deep.equal(['(a)', '(b)', '(c)', '(d)']);
    expect(missingTranslations(survey)).to.deep.equal([]);
    expect(survey.title).to.deep.equal({ en: 'International Dialogue on Migration 2008', fr: 'Dialogue international sur la migration 2008', es: 'Diálogo Internacional sobre la Migración 2008' });

    const previous = await getSurvey(ctx.deps, admin, summary.previousSurveyId);
    expect(previous.status).to.equal('published');
    expect(previous.seed).to.match(/^[0-9a-f]{32}$/);
    expect(missingTranslations(previous)).to.deep.equal([]);
  });

  it('holds ballots from about two thirds of the members, with revisions, abstentions, comments and paper ballots', async () => {
    const members = DEMO_MEMBER_STATES.filter((m) => m.status === 'member').length;
    const ballots = await ctx.db('ballots').where({ survey_id: summary.currentSurveyId }).select('id', 'current_revision');
    expect(ballots).to.have.length(summary.ballots);
    expect(ballots.length / members).to.be.within(0.6, 0.75);
    const revisions = await ctx.db('ballot_revisions as r').join('ballots as b', 'b.id', 'r.ballot_id')
      .where('b.survey_id', summary.currentSurveyId).select('r.ballot_id', 'r.revision', 'r.channel', 'r.answers', 'r.comments', 'r.submitted_by_label');
    expect(revisions).to.have.length(summary.revisions);
    for (const b of ballots) {
      const mine = revisions.filter((r) => Number(r.ballot_id) === Number(b.id)).map((r) => Number(r.revision)).sort((x, y) => x - y);
      expect(mine).to.deep.equal(Array.from({ length: Number(b.current_revision) }, (_, i) => i + 1));
    }
    expect(ballots.filter((b) => Number(b.current_revision) >= 2).length).to.be.at.least(3);
    expect(Math.max(...ballots.map((b) => Number(b.current_revision)))).to.be.at.least(3);
    expect(revisions.filter((r) => r.channel === 'paper' || r.channel === 'note-verbale').map((r) => r.submitted_by_label))
      .to.have.length.at.least(2).and.satisfy((labels: string[]) => labels.every((l) => l.startsWith('admin@')));
    const answers = revisions.map((r) => Object.values(JSON.parse(String(r.answers))) as { ranking?: number[]; abstain?: boolean }[]);
    expect(answers.filter((a) => a.some((x) => x.abstain)).length).to.be.within(2, 6);
    const workshopLengths = new Set(answers.flatMap((a) => (a[1]?.ranking ? [a[1].ranking.length] : [])));
    expect(workshopLengths.size, 'partial and full rankings').to.be.at.least(3);
    expect(new Set(answers.map((a) => JSON.stringify(a[1]?.ranking))).size, 'varied rankings').to.be.at.least(8);
    expect(revisions.filter((r) => String(r.comments) !== '').length).to.be.at.least(3);

    const proposals = await ctx.db('proposals').select('status');
    expect(proposals.filter((p) => p.status === 'pending')).to.have.length(summary.pendingProposals).and.length.at.least(1);
    expect(proposals.filter((p) => p.status === 'declined')).to.have.length(summary.declinedProposals).and.length.at.least(1);
  });

  it('creates the two workshops last year\'s survey retained, from its count, then gives each its place, dates, paper and open call in three languages', async () => {
    const options = await ctx.db('options as o').join('questions as q', 'q.id', 'o.question_id')
      .where('q.survey_id', summary.previousSurveyId).select('o.id', 'o.label', 'o.title_en');
    const events = await ctx.db('events').orderBy('id').select('*');
    expect(events).to.have.length(2);
    expect(summary.workshops.map((w) => w.eventId)).to.deep.equal(events.map((e) => Number(e.id)));
    for (const e of events) {
      const option = options.find((o) => Number(o.id) === Number(e.option_id));
      expect(Number(e.survey_id)).to.equal(summary.previousSurveyId);
      expect(option?.label).to.be.oneOf(Object.keys(DEMO_WORKSHOPS));
      expect(e.title_en).to.equal(option?.title_en);
      for (const lang of ['en', 'fr', 'es']) expect(String(e[`title_${lang}`]).trim(), `${e.title_en} ${lang}`).to.not.equal('');
      expect(e.reference).to.equal(DEMO_WORKSHOPS[option!.label]!.reference).and.not.equal('IC/2006/9');
      expect(e.place).to.match(/^Geneva/);
      expect(String(e.starts_on) > ctx.clock.now().toISOString().slice(0, 10), 'in the coming weeks').to.equal(true);
      expect(String(e.ends_on) >= String(e.starts_on)).to.equal(true);
    }
    const calls = await ctx.db('event_calls').select('*');
    expect(calls).to.have.length(2);
    expect(new Set(calls.map((c) => c.deadline)).size, 'a deadline each').to.equal(2);
    for (const c of calls) {
      const event = events.find((e) => Number(e.id) === Number(c.event_id))!;
      expect(String(c.deadline) > ctx.clock.now().toISOString(), 'the call is open').to.equal(true);
      expect(String(c.deadline) < String(event.starts_on), 'overviews are due before the workshop').to.equal(true);
      expect(Number(c.max_words)).to.equal(1500);
      const sections = (typeof c.sections === 'string' ? JSON.parse(c.sections) : c.sections) as { heading: Record<string, string>; guidance: Record<string, string> }[];
      expect(sections).to.have.length.within(3, 5);
      for (const section of sections) {
        for (const lang of ['en', 'fr', 'es']) expect(section.heading[lang]!.trim() && section.guidance[lang]!.trim(), lang).to.not.equal('');
      }
    }
    expect(await countOf(ctx.db('audit_entries').where({ action: 'event.create' }).count({ n: '*' }))).to.equal(2);
    expect(await countOf(ctx.db('audit_entries').where({ action: 'event.update' }).count({ n: '*' }))).to.equal(2);
  });

  it('holds about a dozen overviews per workshop, from members and an observer, in the three languages and every state of the review', async () => {
    const rows = await ctx.db('overviews as o').join('member_states as m', 'm.id', 'o.member_state_id')
      .select('o.id', 'o.event_id', 'o.language', 'o.status', 'o.sections', 'o.comment', 'o.revision', 'm.iso3', 'm.status as membership');
    const perStatus: Record<string, number> = {};
    for (const r of rows) perStatus[r.status] = (perStatus[r.status] ?? 0) + 1;
    expect(perStatus).to.deep.equal(Object.fromEntries(Object.entries(summary.overviews).filter(([, n]) => n > 0)));
    for (const status of ['draft', 'submitted', 'returned', 'published', 'withdrawn']) expect(perStatus[status] ?? 0, status).to.be.at.least(1);
    expect(perStatus.published).to.be.at.least(rows.length / 2);
    const languageOf = new Map(DEMO_MEMBER_STATES.map((m) => [m.iso3, m.language]));
    for (const w of summary.workshops) {
      const mine = rows.filter((r) => Number(r.event_id) === w.eventId);
      expect(mine, w.title).to.have.length.within(10, 14);
      expect(new Set(mine.map((r) => r.iso3)).size).to.equal(mine.length);
      expect(mine.filter((r) => r.membership === 'observer'), 'an observer').to.have.length.at.least(1);
      expect(new Set(mine.map((r) => r.language)), 'languages').to.have.keys('en', 'fr', 'es');
      // Each delegation writes in its working language: French- and Spanish-speaking ones in theirs.
      for (const r of mine) expect(r.language, r.iso3).to.equal(languageOf.get(r.iso3));
      expect(mine.filter((r) => r.language === 'en').length, 'mostly English').to.be.within(mine.length / 3, (2 * mine.length) / 3);
    }
    const texts = new Set<string>();
    for (const r of rows) {
      const sections = (typeof r.sections === 'string' ? JSON.parse(r.sections) : r.sections) as string[];
      expect(sections).to.have.length(4);
      const words = sections.map((t) => countWords(t));
      // A brief overview within the call's limit, each section a few paragraphs; a draft, or one
      // returned to be completed, may be short.
      const unfinished = r.status === 'draft' || r.status === 'returned';
      expect(words.reduce((a, b) => a + b, 0), r.iso3).to.be.within(unfinished ? 150 : 450, 1500);
      if (!unfinished) for (const n of words) expect(n, `${r.iso3}: a section's words`).to.be.within(120, 350);
      for (const t of sections.filter((x) => x !== '')) {
        expect(texts.has(t), 'no section repeats another').to.equal(false);
        texts.add(t);
      }
      expect(Number(r.revision), 'a draft first, then more').to.be.at.least(2);
      if (r.status === 'returned' || r.status === 'withdrawn') expect(String(r.comment).trim(), r.status).to.not.equal('');
    }
    expect(await countOf(ctx.db('overview_revisions').count({ n: '*' }))).to.equal(rows.reduce((n, r) => n + Number(r.revision), 0));
  });

  it('lets the public catalogue find the published overviews by a word of their text, and not the others', async () => {
    const published = await ctx.db('overviews as o').join('member_states as m', 'm.id', 'o.member_state_id').where('o.status', 'published').select('o.id', 'o.event_id', 'm.iso3');
    for (const w of summary.workshops) {
      const hits = (await searchCatalogue(ctx.deps, { event: String(w.eventId) })).hits;
      expect(hits.map((h) => h.id).sort(), w.title).to.deep.equal(published.filter((p) => Number(p.event_id) === w.eventId).map((p) => Number(p.id)).sort());
    }
    // Words of one overview each: the consulates' health desks (Mexico, published), the Filipino
    // link programme (published), bridging programmes (Canada, submitted), the Belgian pilot (returned).
    const found = async (q: string) => (await searchCatalogue(ctx.deps, { q })).hits.map((h) => h.iso3);
    expect(await found('Ventanillas')).to.deep.equal(['MEX']);
    expect(await found('absentee')).to.deep.equal(['PHL']);
    expect(await found('bridging')).to.deep.equal([]);
    expect(await found('pilote')).to.deep.equal([]);
    expect(await found('codéveloppement')).to.include('MAR').and.not.include('FRA');
  });

  it('translates three published overviews, one in each working language, in both workshops, as their delegates saved them before submitting', async () => {
    const expected: Record<string, Record<string, string[]>> = { '(a)': { PER: ['en'] }, '(b)': { NGA: ['fr'], CHE: ['en', 'es'] } };
    expect(Object.fromEntries(Object.entries(DEMO_OVERVIEW_TRANSLATIONS).map(([label, byState]) => [
      label, Object.fromEntries(Object.entries(byState).map(([iso3, ts]) => [iso3, ts.map((t) => t.language)])),
    ]))).to.deep.equal(expected);
    const rows = await ctx.db('overview_translations as t').join('overviews as o', 'o.id', 't.overview_id')
      .join('member_states as m', 'm.id', 'o.member_state_id').join('events as e', 'e.id', 'o.event_id').join('options as op', 'op.id', 'e.option_id')
      .leftJoin('users as u', 'u.id', 't.saved_by')
      .select('t.overview_id', 't.language', 't.title', 't.sections', 't.saved_at', 'o.language as original', 'o.status', 'o.submitted_at', 'o.published_at',
        'm.iso3', 'op.label', 'u.role', 'u.member_state_id', 'o.member_state_id as owner');
    expect(rows).to.have.length(summary.translations).and.length(4);
    const originals = new Map<number, string>();
    for (const r of rows) {
      const about = `${r.label} ${r.iso3} ${r.language}`;
      expect(expected[r.label]?.[r.iso3], about).to.include(r.language);
      const given = DEMO_OVERVIEW_TRANSLATIONS[r.label]![r.iso3]!.find((t) => t.language === r.language)!;
      const sections = (typeof r.sections === 'string' ? JSON.parse(r.sections) : r.sections) as string[];
      expect({ title: r.title, sections }, about).to.deep.equal({ title: given.title, sections: [...given.sections] });
      expect(r.status, about).to.equal('published');
      expect(r.language, about).to.not.equal(r.original);
      expect({ role: r.role, memberState: Number(r.member_state_id) }, `${about}: saved by a delegate of the Member State`).to.deep.equal({ role: 'delegate', memberState: Number(r.owner) });
      expect(String(r.saved_at) < String(r.submitted_at), `${about}: saved before the submission`).to.equal(true);
      originals.set(Number(r.overview_id), String(r.original));
    }
    expect([...originals.values()].sort(), 'one overview in each language').to.deep.equal(['en', 'es', 'fr']);
    expect(await countOf(ctx.db('audit_entries').where({ action: 'overview.translation.save' }).count({ n: '*' }))).to.equal(4);

    // The domain's read, as anyone (no sign-in) may make it, and the public pages list the versions.
    const app = await ctx.app();
    for (const [id, original] of originals) {
      const overview = await getOverview(ctx.deps, null, id);
      const languages = overview.translations.map((t) => t.language);
      expect(languages.sort()).to.deep.equal(rows.filter((r) => Number(r.overview_id) === id).map((r) => r.language).sort());
      const page = await request(app).get(`/overviews/${id}`);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain(`<article class="overview" lang="${original}">`);
      for (const lang of languages) {
        expect(page.text, `${id} ${lang}`).to.contain(`<a href="/overviews/${id}/${lang}" hreflang="${lang}" lang="${lang}"`);
        // Read in the original's language, the page marks the version's title and headings with theirs.
        const version = await request(app).get(`/overviews/${id}/${lang}`).set('Accept-Language', original);
        expect(version.status).to.equal(200);
        expect(version.text).to.contain(`<article class="overview" lang="${lang}">`);
        expect(version.text).to.contain(`<h1 lang="${lang}">${overview.translations.find((t) => t.language === lang)!.title}</h1>`);
        expect(version.text).to.contain(`<h2 lang="${lang}">${DEMO_CALL_SECTIONS[0]!.heading[lang]}</h2>`);
      }
    }
  });

  it('writes each translation section by section with its original\'s Markdown, and the French ones with French typography', () => {
    // Paragraphs, list items, bold and links, section by section.
    const shape = (text: string) => text.split('\n\n').map((p) => [
      (p.match(/^(- |\d+\. )/gm) ?? []).join(''), (p.match(/\*\*/g) ?? []).length, (p.match(/\]\(/g) ?? []).length, (p.match(/https?:\/\/[^)]+/g) ?? []).join(' '),
    ]);
    for (const [label, byState] of Object.entries(DEMO_OVERVIEW_TRANSLATIONS)) {
      for (const [iso3, translations] of Object.entries(byState)) {
        const original = DEMO_WORKSHOPS[label]!.overviews.find((o) => o.iso3 === iso3)!;
        for (const t of translations) {
          const about = `${label} ${iso3} ${t.language}`;
          expect(t.sections.map(shape), about).to.deep.equal(original.sections.map(shape));
          const words = t.sections.map((x) => countWords(x));
          for (const [i, n] of words.entries()) expect(n / countWords(original.sections[i]!), `${about}: section ${i + 1} about as long as the original's`).to.be.within(0.75, 1.35);
          if (t.language === 'fr') {
            for (const x of [t.title, ...t.sections]) expect(x, about).to.not.match(/ [;:!?]|[^\u202f][;!?]|\w:(?!\/\/)|« | »/u);
          }
        }
      }
    }
  });

  it('records every change in an audit log whose chain verifies', async () => {
    const check = await verifyAuditChain(ctx.deps);
    expect(check).to.include({ ok: true, brokenAt: null });
    const submissions = await countOf(ctx.db('audit_entries').where({ action: 'ballot.submit' }).count({ n: '*' }));
    const allRevisions = await countOf(ctx.db('ballot_revisions').count({ n: '*' }));
    expect(submissions).to.equal(allRevisions).and.be.greaterThan(summary.revisions);
    expect(await countOf(ctx.db('audit_entries').where({ action: 'user.create' }).count({ n: '*' }))).to.equal(summary.accounts.length);
    expect(check.entries).to.equal(await countOf(ctx.db('audit_entries').count({ n: '*' })));
  });

  it('refuses a database that is not empty and adds nothing to it', async () => {
    const before = await countOf(ctx.db('audit_entries').count({ n: '*' }));
    let refusal: unknown;
    try {
      await seedDemo(ctx.deps);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).to.be.instanceOf(DemoRefusal);
    expect((refusal as Error).message).to.match(/not empty/);
    expect(await countOf(ctx.db('audit_entries').count({ n: '*' }))).to.equal(before);
  });

  it('makes its choices with a seeded generator: the same seed gives the same sequence', () => {
    const draw = (seed: number) => { const r = createDemoRandom(seed); return Array.from({ length: 8 }, () => r.int(1000)); };
    expect(draw(2008)).to.deep.equal(draw(2008));
    expect(draw(2008)).to.not.deep.equal(draw(2007));
    const order = createDemoRandom(1).weightedOrder(['a', 'b', 'c', 'd'], [4, 3, 2, 1]);
    expect([...order].sort()).to.deep.equal(['a', 'b', 'c', 'd']);
  });
});
