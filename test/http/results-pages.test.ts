import { expect } from 'chai';
import type { Express } from 'express';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { closeSurvey, openSurvey, publishSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { buildSurveyInput, createTestSurvey } from '../helpers/surveys.js';

/** The text of a page without its tags, with runs of white space made one space. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

/** The cells of the table whose id is given, row by row, as text. */
function tableRows(html: string, id: string): string[][] {
  const start = html.indexOf(`<table class="data rounds" id="${id}"`);
  if (start < 0) throw new Error(`no table ${id}`);
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!).trim()));
}

describe('results pages', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let adminEmail: string;
  let survey: Survey;

  // Theme (instant-runoff, one to retain): A 3, B 3, C 1 at round 1; C's ballot moves to B, which wins round 2 with 4 of 7.
  // Topics (STV, two to retain, quota 3): (a) 4 is elected at once; its surplus of 1 moves at 0.25 a ballot;
  // (d) is excluded and its ballot elects (c).
  const ballots: [string, number[] | 'abstain', number[]][] = [
    ['ARG', [0, 1], [0, 1]],
    ['BEL', [0, 2], [0, 1]],
    ['GHA', [0], [0, 2]],
    ['CAN', [1, 0], [0, 3]],
    ['DNK', [1, 2], [1, 2]],
    ['EGY', [1], [2, 1]],
    ['FIN', [2, 1], [3, 2]],
    ['HUN', 'abstain', [2, 3]],
  ];

  useSignedIn({ memberStates: [...ballots.map(([iso3]) => iso3), 'IND'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    adminEmail = s.admin.user.email;
    admin = s.admin.actor;
    const input = buildSurveyInput();
    const [theme, topics] = input.questions;
    const draft = await createTestSurvey(ctx.deps, admin, {
      questions: [
        { ...theme, method: 'irv', allowAbstain: true, options: [...theme!.options, { label: 'C', title: { en: 'Labour mobility', fr: 'Mobilité de la main-d’œuvre', es: 'Movilidad laboral' } }] },
        { ...topics, method: 'stv' },
      ],
    });
    survey = await openSurvey(ctx.deps, admin, draft.id);
    const [q1, q2] = survey.questions;
    for (const [iso3, first, second] of ballots) {
      const ms = await ctx.db('member_states').where({ iso3 }).first();
      await submitBallot(ctx.deps, admin, survey.id, {
        answers: [
          first === 'abstain' ? { question: q1!.id, abstain: true } : { question: q1!.id, ranking: first.map((i) => q1!.options[i]!.id) },
          { question: q2!.id, ranking: second.map((i) => q2!.options[i]!.id) },
        ],
      }, { channel: 'paper', memberStateId: Number(ms.id) });
    }
  });

  it('results page for an administrator while open: provisional stamp, turnout, every round and stage, charts and comparison', async () => {
    const agent = await signIn(app, adminEmail);
    const res = await agent.get(`/surveys/${survey.id}/results`);
    expect(res.status, res.text.slice(0, 500)).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.contain('Provisional — the survey is still open');
    expect(text).to.contain('Reference IC/2007/17');
    expect(text).to.contain(`Seed of the lot: ${survey.seed}`);
    expect(text).to.contain('Of 9 Member States eligible, 8 answered (88.9%).');
    expect(text).to.match(/Abstentions 1 /);
    const [theme, topics] = survey.questions;

    // A summary first, in plain words a report can quote; every detail behind a disclosure section.
    const summary = text.slice(text.indexOf('Summary'), text.indexOf('What the counting words mean'));
    expect(summary).to.contain('Question 1: Overarching theme “B Migration and development” is retained after 2 rounds: no option had more than half of the ballots at first');
    expect(summary).to.contain('Question 2: Workshop topics “(a) Topic 1” and “(c) Topic 3” are retained after 3 stages of counting');
    expect(summary).to.not.contain('Droop');
    const summaryAt = res.text.indexOf('id="summary-heading"');
    expect(summaryAt).to.be.greaterThan(0);
    expect(summaryAt).to.be.lessThan(res.text.indexOf('class="question-result"'));
    expect(text).to.contain('Exhausted ballot A ballot that ranks none of the options still in the count');
    expect(text).to.contain('Quota (Droop) The votes an option needs');
    expect(res.text.match(/<details class="result-detail"(?! open)/g)).to.have.length(2 * 7);
    expect(res.text).to.not.match(/<details class="result-detail"[^>]* open/);

    const irv = tableRows(res.text, `question-${theme!.id}-rounds`);
    expect(irv[0]).to.deep.equal(['Option', 'Round 1', 'Round 2']);
    expect(irv.slice(1, 4)).to.deep.equal([
      ['A Return migration', '3', '3'],
      ['B Migration and development', '3', '4 ✓ elected'],
      ['C Labour mobility', '1 ✗ excluded', '– no longer in the count'],
    ]);
    expect(irv.at(-1)).to.deep.equal(['Exhausted ballots', '0', '0']);
    expect(text).to.contain('Round 1: Excluded: C Labour mobility; their ballots moved: B Migration and development +1, exhausted +0.');
    expect(text).to.contain('Condorcet winner: B Migration and development');

    const stv = tableRows(res.text, `question-${topics!.id}-rounds`);
    expect(stv[0]).to.deep.equal(['Option', 'Stage 1 First count', 'Stage 2 Surplus of (a) Topic 1 transferred', 'Stage 3 Exclusion of (d) Topic 4']);
    expect(stv[1]).to.deep.equal(['(a) Topic 1', '4.00000 ✓ elected', '3.00000', '3.00000']);
    expect(stv[3]).to.deep.equal(['(c) Topic 3', '2.00000', '2.25000', '3.25000 ✓ elected']);
    expect(stv.find((r) => r[0] === 'Transfer value of a full ballot')).to.deep.equal(['Transfer value of a full ballot', '–', '0.25000', '–']);
    expect(stv.find((r) => r[0] === 'Exhausted ballots')).to.deep.equal(['Exhausted ballots', '0.00000', '0.00000', '0.25000']);
    expect(text).to.contain('Droop quota: 3');

    // Charts: first preferences, the last count and the flow, each an image with a title.
    expect(res.text.match(/<svg [^>]*role="img"/g)).to.have.length(6);
    expect(res.text).to.contain(`<title id="question-${theme!.id}-chart-flow-title">How the votes moved between rounds</title>`);
    // Borda and Schulze retain B for the theme like instant-runoff; the comparison says so for each method.
    expect(text).to.match(/Borda count B Migration and development yes /);
    expect(text).to.match(/Schulze \(Condorcet\) B Migration and development yes /);
    expect(text).to.match(/Instant-runoff \(IRV\) B Migration and development official method /);
    expect(text).to.match(/(Every other method retains the same options as the official method|would retain other options than the official method) \(Instant-runoff \(IRV\)\)/);
    // Every option is declared, so that an option no ballot ranks is counted in the replay too.
    expect(text).to.contain(`npm run tally -- --method stv --seats 2 --seed ${survey.seed} --option '(a) Topic 1' --option '(b) Topic 2' --option '(c) Topic 3' --option '(d) Topic 4' ballots.csv`);
    expect(text).to.contain(`npm run tally -- --method irv --seats 1 --seed ${survey.seed} --option 'A Return migration' --option 'B Migration and development' --option 'C Labour mobility' ballots.csv`);
    expect(res.text).to.not.match(/style="/);
  });

  it('results page for staff: the same provisional results; after closing, stamped final', async () => {
    const staff = await signIn(app, (await createTestUser(ctx.deps, 'staff')).email);
    const open = await staff.get(`/surveys/${survey.id}/results`);
    expect(open.status).to.equal(200);
    expect(textOf(open.text)).to.contain('Provisional');
    await closeSurvey(ctx.deps, admin, survey.id);
    const closed = await staff.get(`/surveys/${survey.id}/results`);
    expect(textOf(closed.text)).to.contain('Final — the survey is closed; these results are not yet published.');
  });

  it('results page for a delegate: 403 before publication, 200 and official once published', async () => {
    const delegate = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'IND' })).email);
    const before = await delegate.get(`/surveys/${survey.id}/results`);
    expect(before.status).to.equal(403);
    expect(textOf(before.text)).to.contain('Results are shown to delegations once the Administration publishes them.');
    await closeSurvey(ctx.deps, admin, survey.id);
    expect((await delegate.get(`/surveys/${survey.id}/results`)).status).to.equal(403);
    await publishSurvey(ctx.deps, admin, survey.id);
    const after = await delegate.get(`/surveys/${survey.id}/results`);
    expect(after.status).to.equal(200);
    expect(textOf(after.text)).to.contain('Official — the survey is closed and its results are published.');
  });

  it('results page of an unknown survey or a bad id: 404', async () => {
    const agent = await signIn(app, adminEmail);
    expect((await agent.get(`/surveys/${survey.id + 1000}/results`)).status).to.equal(404);
    expect((await agent.get('/surveys/abc/results')).status).to.equal(404);
  });

  it('results page signed out: sent to sign in', async () => {
    const res = await (await import('supertest')).default(app).get(`/surveys/${survey.id}/results`);
    expect(res.status).to.be.oneOf([302, 303]);
    expect(res.headers.location).to.contain('/sign-in');
  });

  it('results page with a tie: names the tied options, the one excluded, and the lot with its seed', async () => {
    const tied = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    const [q1, q2] = tied.questions;
    for (const [iso3, option] of [['ARG', 0], ['BEL', 1]] as const) {
      const ms = await ctx.db('member_states').where({ iso3 }).first();
      await submitBallot(ctx.deps, admin, tied.id, {
        answers: [{ question: q1!.id, ranking: [q1!.options[option]!.id] }, { question: q2!.id, ranking: [q2!.options[0]!.id] }],
      }, { channel: 'paper', memberStateId: Number(ms.id) });
    }
    const agent = await signIn(app, adminEmail);
    const html = (await agent.get(`/surveys/${tied.id}/results`)).text;
    const text = textOf(html);
    expect(text).to.match(new RegExp(`Round 1: A Return migration and B Migration and development were tied for exclusion; (A Return migration|B Migration and development) was excluded\\. Broken by lot, drawn with the seed ${tied.seed}\\.`));
    expect(text).to.contain('Lot drawn?');
    // Beside the figures, the tie that decided is named, with a link to the open Ties section.
    expect(html).to.match(new RegExp(`<details class="result-detail" id="question-${q1!.id}-ties" open>`));
    expect(text).to.match(/(A Return migration|B Migration and development) retained after a tie, settled by lot with the survey’s seed: see Ties/);
    expect(text).to.match(/(A Return migration|B Migration and development) not retained after a tie, settled by lot with the survey’s seed: see Ties/);
    expect(html).to.contain(`<a href="#question-${q1!.id}-ties">see Ties</a>`);
    expect(text).to.contain('A tie decided it, settled by lot with the survey’s seed (see Ties).');
  });

  it('results page with a Schulze tie and seats that cover the options with votes: the tie, the shared place, and why every option with votes is retained', async () => {
    const input = buildSurveyInput();
    const [theme, topics] = input.questions;
    const draft = await createTestSurvey(ctx.deps, admin, {
      questions: [
        { ...theme, method: 'schulze', options: [...theme!.options, { label: 'C', title: { en: 'Labour mobility', fr: 'Mobilité de la main-d’œuvre', es: 'Movilidad laboral' } }] },
        { ...topics, method: 'stv' },
      ],
    });
    const open = await openSurvey(ctx.deps, admin, draft.id);
    const [q1, q2] = open.questions;
    // Strongest paths A→B 3, B→A 3, A→C 3, C→A 3, B→C 4, C→B 3: A and B are both Schulze winners.
    // Topics: only (a) and (b) are ranked, and two are to be retained.
    const rankings: [string, number[], number[]][] = [
      ['ARG', [0, 1, 2], [0]], ['BEL', [0, 1, 2], [1]], ['GHA', [1, 2, 0], [0, 1]], ['CAN', [1, 2, 0], [0]], ['DNK', [2, 0, 1], [1]],
    ];
    for (const [iso3, first, second] of rankings) {
      const ms = await ctx.db('member_states').where({ iso3 }).first();
      await submitBallot(ctx.deps, admin, open.id, {
        answers: [
          { question: q1!.id, ranking: first.map((i) => q1!.options[i]!.id) },
          { question: q2!.id, ranking: second.map((i) => q2!.options[i]!.id) },
        ],
      }, { channel: 'paper', memberStateId: Number(ms.id) });
    }
    const agent = await signIn(app, adminEmail);
    const text = textOf((await agent.get(`/surveys/${open.id}/results`)).text);
    expect(text).to.match(new RegExp(`A Return migration and B Migration and development were tied for the last place; (A Return migration|B Migration and development) was retained\\. Broken by lot, drawn with the seed ${open.seed}\\.`));
    expect(text).to.match(/1\. (A Return migration|B Migration and development) 1\. (A Return migration|B Migration and development) 3\. C Labour mobility/);
    expect(text).to.contain('Options to retain: 2; options ranked on at least one ballot: 2. Every option ranked on a ballot is therefore retained');
    await inLanguage(agent, 'fr');
    // The page's text has its white space made plain spaces, narrow no-break ones included.
    const fr = textOf((await agent.get(`/surveys/${open.id}/results`)).text);
    expect(fr).to.contain('Options à retenir : 2 ; options classées sur au moins un bulletin : 2.');
  });

  async function inLanguage(agent: Agent, lang: string) {
    const home = await agent.get('/');
    await agent.post('/language').type('form').send({ _csrf: csrfFrom(home.text), lang, next: '/' });
  }

  it('results page in French: French rules, option titles, stamp and number formats; no English rules sentence', async () => {
    const agent = await signIn(app, adminEmail);
    await inLanguage(agent, 'fr');
    const res = await agent.get(`/surveys/${survey.id}/results`);
    expect(res.status).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.contain('Provisoires — l’enquête est encore ouverte');
    expect(text).to.contain('Vote à second tour instantané : une option qui obtient plus de la moitié des bulletins encore en jeu l’emporte');
    expect(text).to.contain('Vote unique transférable, règles écossaises (méthode de Gregory inclusive pondérée), 2 option(s) à retenir');
    expect(text).to.not.contain('Instant-runoff: an option');
    expect(text).to.not.contain('Scottish STV rules');
    expect(text).to.contain('A Migration de retour');
    expect(text).to.contain('(c) Thème 3');
    expect(text).to.contain('Mobilité de la main-d’œuvre');
    expect(text).to.match(/Sur 9 États Membres appelés à voter, 8 ont répondu \(88,9\s%\)\./);
    expect(text).to.match(/«\sB Migration et développement\s» est retenue après 2 tours/);
    expect(text).to.contain('3,25000 ✓ élue');
    expect(text).to.contain('Tour 2');
    expect(text).to.contain('Étape 3');
    expect(text).to.contain('Vainqueur de Condorcet : B Migration et développement');
    expect(res.text).to.contain('<title id="question-');
    expect(res.text).to.contain('Premières préférences pour chaque option</title>');
  });

  it('results page in Spanish: Spanish rules and comparison', async () => {
    const agent = await signIn(app, adminEmail);
    await inLanguage(agent, 'es');
    const text = textOf((await agent.get(`/surveys/${survey.id}/results`)).text);
    expect(text).to.contain('Segunda vuelta instantánea: gana la opción que obtiene más de la mitad');
    expect(text).to.contain('Las mismas papeletas escrutadas con cada método');
    expect(text).to.contain('Migración y desarrollo');
  });
});
