import { expect } from 'chai';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { missingTranslations } from '../../server/domain/surveys/model.js';
import { getSurvey } from '../../server/domain/surveys/queries.js';
import { loadActor } from '../../server/domain/accounts.js';
import { DEMO_MEMBER_STATES } from '../../db/seeds/demo-content.js';
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
