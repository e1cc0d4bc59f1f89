import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { createMemberState } from '../../server/domain/member-states.js';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { buildSurveyInput, createTestSurvey } from '../helpers/surveys.js';

function binaryParser(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('exports', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let adminAuth: string;
  let survey: Survey;
  const get = (url: string, auth = adminAuth) => request(app).get(url).set('Authorization', auth).buffer(true).parse(binaryParser);

  useSignedIn({}, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = s.admin.actor;
    adminAuth = await s.admin.bearer();
    // A Member State whose name a spreadsheet would take for a formula, and one with accents.
    await createMemberState(ctx.deps, null, { iso3: 'CIV', names: { en: 'Côte d’Ivoire', fr: 'Côte d’Ivoire', es: 'Côte d’Ivoire' }, status: 'member' });
    await createMemberState(ctx.deps, null, { iso3: 'XXA', names: { en: '=HYPERLINK("http://evil.example")', fr: 'x', es: 'x' }, status: 'member' });
    await createTestMemberState(ctx.deps, 'BRA');
    const input = buildSurveyInput();
    input.questions[1]!.options[3] = { label: '', title: { en: '+Topic four', fr: '+Thème 4', es: '+Tema 4' } };
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, input)).id);
    const [q1, q2] = survey.questions;
    const ballots: [string, number[], number[] | 'abstain', string][] = [
      ['CIV', [0, 1], [3, 0, 1], '-1 would be a formula'],
      ['XXA', [1], [0, 3], ''],
      ['BRA', [1, 0], 'abstain', 'Obrigado'],
    ];
    for (const [iso3, theme, topics, comment] of ballots) {
      const ms = await ctx.db('member_states').where({ iso3 }).first();
      await submitBallot(ctx.deps, admin, survey.id, {
        answers: [
          { question: q1!.id, ranking: theme.map((i) => q1!.options[i]!.id), ...(comment ? { comment } : {}) },
          topics === 'abstain' ? { question: q2!.id, abstain: true } : { question: q2!.id, ranking: topics.map((i) => q2!.options[i]!.id) },
        ],
      }, { channel: iso3 === 'BRA' ? 'note-verbale' : 'paper', memberStateId: Number(ms.id) });
    }
  });

  it('exports the ballots with a header, one row per Member State and question, formulas neutralised', async () => {
    const res = await get(`/api/v1/surveys/${survey.id}/exports/ballots.csv`);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).to.equal('attachment; filename="ic-2007-17_international-dialogue-on-migration-2008_ballots.csv"');
    const rows = parse(res.body.toString('utf8')) as string[][];
    expect(rows[0]).to.deep.equal(['iso3', 'member_state', 'question_id', 'question', 'channel', 'revision', 'submitted_at', 'abstained', 'rank_1', 'rank_2', 'rank_3', 'rank_4', 'ranking_key']);
    expect(rows).to.have.length(1 + 6);
    const civ = rows.filter((r) => r[0] === 'BRA');
    expect(civ[1]).to.deep.equal(['BRA', 'BRA (en)', String(survey.questions[1]!.id), 'Workshop topics', 'note-verbale', '1', '2026-11-28T09:00:00.000Z', 'yes', '', '', '', '', '']);
    const evil = rows.find((r) => r[0] === 'XXA')!;
    expect(evil[1]).to.equal('\'=HYPERLINK("http://evil.example")');
    const topics = rows.find((r) => r[0] === 'CIV' && r[3] === 'Workshop topics')!;
    expect(topics.slice(8, 12)).to.deep.equal(["'+Topic four", '(a) Topic 1', '(b) Topic 2', '']);
    expect(topics[12]).to.match(/^r[0-9a-f]{12}$/);
    expect(res.body.toString('utf8')).to.contain('Côte d’Ivoire');
  });

  it('adds a byte-order mark and separates with semicolons when asked, and leaves Member States out when anonymous', async () => {
    const res = await get(`/api/v1/surveys/${survey.id}/exports/ballots.csv?bom=1&sep=semicolon&anonymous=1`);
    expect([...res.body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = res.body.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).to.equal('question_id;question;channel;abstained;rank_1;rank_2;rank_3;rank_4;ranking_key');
    expect(text).to.not.contain('CIV').and.not.contain('Côte');
  });

  it('records the SHA-256 of every export in the audit log and lists it on the exports page', async () => {
    const res = await get(`/api/v1/surveys/${survey.id}/exports/participation.csv`);
    const sha = createHash('sha256').update(res.body).digest('hex');
    const entry = await ctx.db('audit_entries').where({ action: 'export.create' }).first();
    expect(JSON.parse(entry.details)).to.include({ kind: 'participation', sha256: sha, rows: 3, bytes: res.body.length });
    const staff = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, staff.email);
    const page = await agent.get(`/surveys/${survey.id}/exports`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(sha);
    // The same download from the page's button, a POST with the form's CSRF token, ends with its hash recorded too.
    const fromPage = await agent.post(`/surveys/${survey.id}/exports/tally.csv`).type('form').send({ _csrf: csrfFrom(page.text), bom: '1' }).buffer(true).parse(binaryParser);
    expect(fromPage.status).to.equal(200);
    expect([...fromPage.body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const pageSha = createHash('sha256').update(fromPage.body).digest('hex');
    expect(await ctx.db('audit_entries').where({ action: 'export.create' }).pluck('details')).to.satisfy((all: string[]) => all.some((d) => JSON.parse(d).sha256 === pageSha));
    expect((await agent.get(`/surveys/${survey.id}/exports`)).text).to.contain(pageSha);
  });

  it('records no download asked for by a link or a form from elsewhere: the page answers only its own buttons', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, staff.email);
    const before = await ctx.db('audit_entries').count({ n: '*' }).first();
    // A link (GET), say an image on another site, shows the exports page and records nothing.
    const linked = await agent.get(`/surveys/${survey.id}/exports/ballots.csv?bom=1`);
    expect(linked.status).to.equal(303);
    expect(linked.headers.location).to.equal(`/surveys/${survey.id}/exports`);
    // A form posted from another site has no CSRF token.
    const forged = await agent.post(`/surveys/${survey.id}/exports/ballots.csv`).type('form').send({ bom: '1' });
    expect(forged.status).to.equal(403);
    expect(await ctx.db('audit_entries').count({ n: '*' }).first()).to.deep.equal(before);
  });

  it('re-counts the ballots of one question with the command-line tally to the same result as the API', async () => {
    const q2 = survey.questions[1]!;
    const csv = await get(`/api/v1/surveys/${survey.id}/exports/ballots.csv?question=${q2.id}`);
    const results = await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', adminAuth);
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-export-'));
    try {
      const file = path.join(dir, 'ballots.csv');
      writeFileSync(file, csv.body);
      // Topic 3 is ranked by nobody: it is declared, as the results page's replay command does.
      const declared = results.body.questions[1].options.flatMap((o: { name: string }) => ['--option', o.name]);
      const run = spawnSync(process.execPath, ['--import=tsx', 'server/cli/tally.ts', '--method', 'stv', '--seats', '2', '--seed', survey.seed!, '--format', 'json', ...declared, file], { encoding: 'utf8' });
      expect(run.status, run.stderr).to.equal(0);
      const replay = JSON.parse(run.stdout);
      const official = results.body.questions[1].result;
      expect(replay.winners).to.deep.equal(official.winners);
      expect(replay.rounds).to.deep.equal(official.rounds);
      expect(replay.valid).to.equal(official.valid);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports tally, rounds, pairwise, proposals with comments and the audit log with their columns', async () => {
    const header = async (kind: string) => (parse((await get(`/api/v1/surveys/${survey.id}/exports/${kind}.csv`)).body.toString('utf8')) as string[][]);
    const tally = await header('tally');
    expect(tally[0]).to.deep.equal(['question_id', 'question', 'method', 'seats', 'option', 'label', 'title_en', 'first_preferences', 'final_value', 'place', 'retained', 'retained_order']);
    expect(tally).to.have.length(1 + 6);
    const rounds = await header('rounds');
    expect(rounds[0]).to.deep.equal(['question_id', 'question', 'method', 'round', 'action', 'option', 'votes', 'outcome']);
    expect(rounds.some((r) => r[5] === '(quota)')).to.equal(true);
    const pairwise = await header('pairwise');
    expect(pairwise[0]).to.deep.equal(['question_id', 'question', 'option_a', 'option_b', 'ballots_ranking_a_above_b', 'strongest_path_a_to_b', 'condorcet_winner']);
    expect(pairwise).to.have.length(1 + 2 + 12);
    const proposals = await header('proposals');
    expect(proposals.filter((r) => r[0] === 'comment').map((r) => r[6])).to.include.members(["'-1 would be a formula", 'Obrigado']);
    const audit = await header('audit');
    expect(audit[0]).to.deep.equal(['seq', 'at', 'actor', 'action', 'subject_type', 'subject_id', 'details', 'prev_hash', 'hash']);
  });

  it('exports the ballots of one question in the BLT format', async () => {
    const q1 = survey.questions[0]!;
    const res = await get(`/api/v1/surveys/${survey.id}/exports/ballots.blt?question=${q1.id}`);
    expect(res.status).to.equal(200);
    const lines = res.body.toString('utf8').trim().split('\n');
    expect(lines[0]).to.equal('2 1');
    expect(lines.slice(1, 4).sort()).to.deep.equal(['1 1 2 0', '1 2 0', '1 2 1 0']);
    expect(lines.slice(4)).to.deep.equal(['0', '"A Return migration"', '"B Migration and development"', '"International Dialogue on Migration 2008 - Overarching theme"']);
    const noQuestion = await get(`/api/v1/surveys/${survey.id}/exports/ballots.blt`);
    expect(noQuestion.status).to.equal(422);
    expect(JSON.parse(noQuestion.body.toString('utf8')).error.message).to.contain('one question');
  });

  it('neutralises a formula at the start of every line of a cell, for a spreadsheet that splits it with the other separator', async () => {
    const bra = await ctx.db('member_states').where({ iso3: 'BRA' }).first();
    const [q1, q2] = survey.questions;
    await submitBallot(ctx.deps, admin, survey.id, {
      answers: [{ question: q1!.id, ranking: [q1!.options[0]!.id] }, { question: q2!.id, abstain: true }],
      comments: 'fine\n=1+1 on the next line\r\n@SUM(A1) and\n plain',
    }, { channel: 'paper', memberStateId: Number(bra.id) });
    for (const sep of ['comma', 'semicolon']) {
      const res = await get(`/api/v1/surveys/${survey.id}/exports/proposals.csv?sep=${sep}`);
      const rows = parse(res.body.toString('utf8'), { delimiter: sep === 'semicolon' ? ';' : ',' }) as string[][];
      expect(rows.map((r) => r[6])).to.include("fine\n'=1+1 on the next line\r\n'@SUM(A1) and\n plain");
    }
  });

  it('writes the count’s decimals with a comma in the semicolon variant, and with a point otherwise', async () => {
    const values = async (sep: string) => {
      const res = await get(`/api/v1/surveys/${survey.id}/exports/rounds.csv?sep=${sep}`);
      const rows = parse(res.body.toString('utf8'), { delimiter: sep === 'semicolon' ? ';' : ',' }) as string[][];
      return rows.filter((r) => r[2] === 'stv' && r[5] !== '(quota)').map((r) => r[6]!);
    };
    const points = await values('comma');
    const commas = await values('semicolon');
    expect(points).to.have.length.greaterThan(0);
    for (const v of points) expect(v).to.match(/^\d+\.\d{5}$/);
    expect(commas).to.deep.equal(points.map((v) => v.replace('.', ',')));
  });

  it('adds no byte-order mark to a BLT file, takes an empty question as every question, and lists each export with its question number and options', async () => {
    const q2 = survey.questions[1]!;
    const blt = await get(`/api/v1/surveys/${survey.id}/exports/ballots.blt?question=${q2.id}&bom=1`);
    expect(blt.status).to.equal(200);
    expect(blt.body.toString('utf8').split('\n')[0]).to.equal('4 2');
    const all = await get(`/api/v1/surveys/${survey.id}/exports/ballots.csv?question=&sep=semicolon&bom=1`);
    expect(all.status).to.equal(200);
    expect(parse(all.body.toString('utf8').slice(1), { delimiter: ';' })).to.have.length(1 + 6);
    const staff = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, staff.email);
    const page = (await agent.get(`/surveys/${survey.id}/exports`)).text;
    expect(page).to.contain('byte-order mark · semicolons, decimal commas');
    // A later survey, whose questions' ids are not their numbers.
    const later = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, buildSurveyInput())).id);
    const second = later.questions[1]!;
    expect(second.id).to.not.equal(2);
    expect((await get(`/api/v1/surveys/${later.id}/exports/ballots.csv?question=${second.id}`)).status).to.equal(200);
    const laterPage = (await agent.get(`/surveys/${later.id}/exports`)).text;
    expect(laterPage).to.contain('(question 2)').and.not.contain(`(question ${second.id})`);
    const bltEntry = (await ctx.db('audit_entries').where({ action: 'export.create' }).pluck('details')).map((d: string) => JSON.parse(d)).find((d: { kind: string }) => d.kind === 'blt');
    expect(bltEntry.rows).to.equal(2);
  });

  it('asks for the BLT file’s question on its own form, offering only single questions, and shows a refused BLT export again with the message beside the field', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, staff.email);
    const page = (await agent.get(`/surveys/${survey.id}/exports`)).text;
    const bltForm = /<form method="(get|post)" action="([^"]+\/ballots\.blt)"[^>]*>([\s\S]*?)<\/form>/.exec(page);
    expect(bltForm, 'a form of its own for the BLT file').to.not.equal(null);
    const [, method, action, body] = bltForm!;
    expect(body).to.contain('<label for="blt-question">Question of the BLT file</label>');
    const offered = [...body!.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(offered).to.deep.equal(survey.questions.map((q) => String(q.id)));
    const csvForm = /<form method="(?:get|post)" action="[^"]+\/ballots\.csv"[^>]*>([\s\S]*?)<\/form>/.exec(page)![1]!;
    expect(csvForm).to.not.contain('ballots.blt');

    // A request without the question (an edited page, an old bookmark) shows the form again.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(body!)?.[1];
    const fields = { ...(csrf ? { _csrf: csrf } : {}), question: '', sep: 'semicolon', bom: '1' };
    const refused = method === 'post' ? await agent.post(action!).type('form').send(fields) : await agent.get(action!).query(fields);
    expect(refused.status).to.equal(422);
    expect(refused.text).to.contain('<p class="field-error" id="blt-question-error">The BLT format holds one question: choose the question.</p>');
    expect(refused.text).to.contain('aria-describedby="blt-question-hint blt-question-error" aria-invalid=true');
    expect(refused.text).to.contain('<a href="#blt-question">The BLT format holds one question: choose the question.</a>');
    expect(refused.text).to.match(/name="sep" value="semicolon" checked/);
    expect(await ctx.db('audit_entries').where({ action: 'export.create' }).count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);

    // In French and Spanish too.
    for (const [lang, message] of [['fr', 'Le format BLT porte sur une seule question\u202f: choisissez la question.'], ['es', 'El formato BLT es de una sola pregunta: elija la pregunta.']] as const) {
      const reader = await signIn(app, (await createTestUser(ctx.deps, 'staff', { language: lang })).email);
      const html = (await reader.get(`/surveys/${survey.id}/exports`)).text;
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      const again = method === 'post'
        ? await reader.post(action!).type('form').send({ ...(token ? { _csrf: token } : {}), question: '' })
        : await reader.get(action!).query({ question: '' });
      expect(again.status).to.equal(422);
      expect(again.text).to.contain(`id="blt-question-error">${message}</p>`);
    }
  });

  it('keeps exports from delegates and the audit log from staff', async () => {
    const delegate = await createTestUser(ctx.deps, 'delegate', { memberState: 'BRA' });
    const delegateAuth = `Bearer ${(await createApiToken(ctx.deps, null, delegate.id)).token}`;
    expect((await get(`/api/v1/surveys/${survey.id}/exports/ballots.csv`, delegateAuth)).status).to.equal(403);
    const staff = await createTestUser(ctx.deps, 'staff');
    const staffAuth = `Bearer ${(await createApiToken(ctx.deps, null, staff.id)).token}`;
    expect((await get(`/api/v1/surveys/${survey.id}/exports/audit.csv`, staffAuth)).status).to.equal(403);
    expect((await get(`/api/v1/surveys/${survey.id}/exports/tally.csv`, staffAuth)).status).to.equal(200);
    expect((await get(`/api/v1/surveys/${survey.id}/exports/nothing.csv`)).status).to.equal(404);
  });
});
