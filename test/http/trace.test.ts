import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { closeSurvey, openSurvey, publishSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import type { TestContext } from '../helpers/context.js';
import { csrfFrom } from '../helpers/browser-session.js';
import { useSignedIn, type TestAccount } from '../helpers/signed-in.js';
import { buildSurveyInput, createTestSurvey } from '../helpers/surveys.js';

function binaryParser(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

interface RoundJson {
  readonly round: number;
  readonly votes: Record<string, number | string>;
  readonly exhausted: number | string;
}

describe('per-ballot trace download', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let adminAccount: TestAccount;
  let staff: TestAccount;
  let delegate: TestAccount;
  let survey: Survey;

  // Theme (instant-runoff): A 3, B 3, C 1 at round 1; C's ballot moves to B, which wins round 2.
  // Topics (STV, two to retain, quota 3): (a) has 4 and is elected at once; its surplus of 1 moves
  // its ballots on at 0.25 each; HUN abstains on the theme.
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

  useSignedIn({ memberStates: ballots.map(([iso3]) => iso3) }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = s.admin.actor;
    adminAccount = s.admin;
    staff = await s.createStaff();
    delegate = await s.createDelegate('ARG');
    const [theme, topics] = buildSurveyInput().questions;
    const draft = await createTestSurvey(ctx.deps, admin, {
      questions: [
        { ...theme, method: 'irv', allowAbstain: true, options: [...theme!.options, { label: 'C', title: { en: 'Labour mobility', fr: 'Mobilité de la main-d’œuvre', es: 'Movilidad laboral' } }] },
        { ...topics, method: 'stv' },
      ],
    });
    survey = await openSurvey(ctx.deps, admin, draft.id);
    const [q1, q2] = survey.questions;
    for (const [iso3, first, second] of ballots) {
      await submitBallot(ctx.deps, admin, survey.id, {
        answers: [
          first === 'abstain' ? { question: q1!.id, abstain: true } : { question: q1!.id, ranking: first.map((i) => q1!.options[i]!.id) },
          { question: q2!.id, ranking: second.map((i) => q2!.options[i]!.id) },
        ],
      }, { channel: 'paper', memberStateId: s.memberStates[iso3]!.id });
    }
  });

  /** The results page's trace button: a POST with the session's CSRF token and the question's id. */
  const downloadTrace = async (account: TestAccount, fields: Record<string, string | number>, surveyId = survey.id) => {
    const agent = await account.agent();
    const token = csrfFrom((await agent.get('/')).text);
    return agent.post(`/surveys/${surveyId}/results/trace.csv`).type('form').send({ _csrf: token, ...fields }).buffer(true).parse(binaryParser);
  };
  /** An export through the API, with the account's bearer token. */
  const apiExport = async (account: TestAccount, file: string) =>
    request(app).get(`/api/v1/surveys/${survey.id}/exports/${file}`).set('Authorization', await account.bearer()).buffer(true).parse(binaryParser);
  const exportRows = async () => Number((await ctx.db('audit_entries').where({ action: 'export.create' }).count({ n: '*' }).first())!.n);
  const rowsOf = (body: Buffer): string[][] => parse(body.toString('utf8')) as string[][];

  /** Per round, count × weight summed by option ('' for none), from a trace's rows. */
  function sumsByRound(rows: string[][], rounds: number): Record<string, number>[] {
    const header = rows[0]!;
    const first = header.findIndex((h) => /^(round|stage)_1$/.test(h));
    return Array.from({ length: rounds }, (_, i) => {
      const sums: Record<string, number> = {};
      for (const row of rows.slice(1)) {
        const option = row[first + 2 * i]!;
        // Five-decimal weights summed exactly, in hundred-thousandths.
        const weight = Math.round(Number(row[first + 2 * i + 1]) * 100_000);
        sums[option] = (sums[option] ?? 0) + Number(row[0]) * weight;
      }
      return sums;
    });
  }

  it('lets an administrator download the trace of an IRV question: each ranking round by round, summing to the rounds', async () => {
    const q1 = survey.questions[0]!;
    const res = await downloadTrace(adminAccount, { question: q1.id });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).to.equal('attachment; filename="ic-2007-17_international-dialogue-on-migration-2008_trace_q1.csv"');
    const rows = rowsOf(res.body);
    expect(rows[0]).to.deep.equal(['count', 'rank_1', 'rank_2', 'round_1', 'weight_1', 'round_2', 'weight_2', 'ranking_key']);
    expect(rows.slice(1).map((r) => r.slice(0, 7))).to.deep.equal([
      ['1', 'A Return migration', '', 'A Return migration', '1', 'A Return migration', '1'],
      ['1', 'A Return migration', 'B Migration and development', 'A Return migration', '1', 'A Return migration', '1'],
      ['1', 'A Return migration', 'C Labour mobility', 'A Return migration', '1', 'A Return migration', '1'],
      ['1', 'B Migration and development', '', 'B Migration and development', '1', 'B Migration and development', '1'],
      ['1', 'B Migration and development', 'A Return migration', 'B Migration and development', '1', 'B Migration and development', '1'],
      ['1', 'B Migration and development', 'C Labour mobility', 'B Migration and development', '1', 'B Migration and development', '1'],
      ['1', 'C Labour mobility', 'B Migration and development', 'C Labour mobility', '1', 'B Migration and development', '1'],
    ]);
    const results = await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', await adminAccount.bearer());
    const rounds = results.body.questions[0].result.rounds as RoundJson[];
    expect(rounds).to.have.length(2);
    sumsByRound(rows, 2).forEach((sums, i) => {
      const expected: Record<string, number> = {};
      for (const [option, votes] of Object.entries(rounds[i]!.votes)) if (Number(votes) > 0) expected[option] = Number(votes) * 100_000;
      if (Number(rounds[i]!.exhausted) > 0) expected[''] = Number(rounds[i]!.exhausted) * 100_000;
      expect(sums, `round ${i + 1}`).to.deep.equal(expected);
    });
  });

  it('gives staff the STV trace with each paper\'s value, matched to the anonymous ballots export by ranking_key, and records it in the audit log', async () => {
    const q2 = survey.questions[1]!;
    const res = await downloadTrace(staff, { question: q2.id });
    expect(res.status).to.equal(200);
    const rows = rowsOf(res.body);
    const header = rows[0]!;
    expect(header.slice(0, 7)).to.deep.equal(['count', 'rank_1', 'rank_2', 'stage_1', 'weight_1', 'stage_2', 'weight_2']);
    // (a)'s four ballots: after its surplus, each counts on for its next preference at 0.25.
    const ab = rows.find((r) => r[1] === '(a) Topic 1' && r[2] === '(b) Topic 2')!;
    expect(ab.slice(0, 7)).to.deep.equal(['2', '(a) Topic 1', '(b) Topic 2', '(a) Topic 1', '1.00000', '(b) Topic 2', '0.25000']);
    expect(header.at(-1)).to.equal('ranking_key');

    const results = await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', await adminAccount.bearer());
    const official = results.body.questions[1].result as { quota: number; rounds: (RoundJson & { action: string; option: string | null })[] };
    const transferred = new Set<string>();
    sumsByRound(rows, official.rounds.length).forEach((sums, i) => {
      const s = official.rounds[i]!;
      if (s.action === 'surplus') transferred.add(s.option!);
      for (const [option, votes] of Object.entries(s.votes)) {
        // An option whose surplus has moved on keeps the quota; no ballot counts for it any more.
        const expected = transferred.has(option) ? 0 : Math.round(Number(votes) * 100_000);
        expect(sums[option] ?? 0, `stage ${s.round}: ${option}`).to.equal(expected);
      }
      expect(sums[''] ?? 0, `stage ${s.round}: exhausted`).to.equal(Math.round(Number(s.exhausted) * 100_000));
    });

    // Every counted row of the anonymous ballots export has its ranking's row in the trace, by key.
    const exported = rowsOf((await apiExport(staff, `ballots.csv?question=${q2.id}&anonymous=1`)).body);
    expect(exported[0]!.at(-1)).to.equal('ranking_key');
    const byKey = new Map(rows.slice(1).map((r) => [r.at(-1)!, r]));
    const ballotsPerKey = new Map<string, number>();
    for (const row of exported.slice(1)) {
      const key = row.at(-1)!;
      const traced = byKey.get(key);
      expect(traced, `ballot row ${row.join(',')}`).to.not.equal(undefined);
      expect(row.slice(4, 6)).to.deep.equal(traced!.slice(1, 3));
      ballotsPerKey.set(key, (ballotsPerKey.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(ballotsPerKey)).to.deep.equal(Object.fromEntries(rows.slice(1).map((r) => [r.at(-1)!, Number(r[0])])));

    const entry = await ctx.db('audit_entries').where({ action: 'export.create' }).orderBy('seq').first();
    expect(JSON.parse(entry.details)).to.include({ kind: 'trace', question: q2.id, sha256: createHash('sha256').update(res.body).digest('hex'), rows: rows.length - 1 });
  });

  it('is the same file as the command-line tally\'s --trace of the question\'s ballots export', async () => {
    const q2 = survey.questions[1]!;
    const trace = await downloadTrace(adminAccount, { question: q2.id });
    const ballotsFile = await apiExport(adminAccount, `ballots.csv?question=${q2.id}&anonymous=1`);
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-trace-'));
    try {
      writeFileSync(path.join(dir, 'ballots.csv'), ballotsFile.body);
      const declared = q2.options.flatMap((o) => ['--option', `${o.label} ${o.title.en}`]);
      const run = spawnSync(process.execPath, [
        '--import=tsx', 'server/cli/tally.ts', '--method', 'stv', '--seats', '2', '--seed', survey.seed!, ...declared,
        '--trace', path.join(dir, 'trace.csv'), path.join(dir, 'ballots.csv'),
      ], { encoding: 'utf8' });
      expect(run.status, run.stderr).to.equal(0);
      expect(readFileSync(path.join(dir, 'trace.csv'), 'utf8')).to.equal(trace.body.toString('utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes weights with a decimal comma in the semicolon variant', async () => {
    const q2 = survey.questions[1]!;
    const res = await downloadTrace(adminAccount, { question: q2.id, sep: 'semicolon', bom: '1' });
    const text = res.body.toString('utf8');
    expect(text.startsWith('\uFEFFcount;rank_1;rank_2;stage_1;weight_1;')).to.equal(true);
    expect(text).to.contain(';0,25000;').and.not.contain('0.25000');
  });

  it('opens to delegates once the results are published, from the results page only, with its button on the page', async () => {
    const q1 = survey.questions[0]!;
    expect((await downloadTrace(delegate, { question: q1.id })).status).to.equal(403);
    await closeSurvey(ctx.deps, admin, survey.id);
    expect((await downloadTrace(delegate, { question: q1.id })).status).to.equal(403);
    expect(await exportRows()).to.equal(0);
    await publishSurvey(ctx.deps, admin, survey.id);
    const res = await downloadTrace(delegate, { question: q1.id });
    expect(res.status).to.equal(200);
    expect(rowsOf(res.body)).to.have.length(1 + 7);
    expect(await exportRows()).to.equal(1);
    // The exports pages stay the Administration's.
    expect((await (await delegate.agent()).get(`/surveys/${survey.id}/exports/trace.csv?question=${q1.id}`)).status).to.equal(403);
    const page = await (await delegate.agent()).get(`/surveys/${survey.id}/results`);
    expect(page.status).to.equal(200);
    const form = /<form method="post" action="([^"]+)">\s*<input type="hidden" name="_csrf" value="[^"]+">\s*<input type="hidden" name="question" value="(\d+)">\s*<button type="submit">([^<]+)<\/button>/.exec(page.text);
    expect(form?.slice(1)).to.deep.equal([`/surveys/${survey.id}/results/trace.csv`, String(q1.id), 'Download the per-ballot trace of question 1 (CSV)']);
  });

  it('answers a GET or a POST without the CSRF token with no file and no audit entry', async () => {
    const q1 = survey.questions[0]!;
    const agent = await adminAccount.agent();
    const get = await agent.get(`/surveys/${survey.id}/results/trace.csv?question=${q1.id}`);
    expect([get.status, get.headers.location]).to.deep.equal([303, `/surveys/${survey.id}/results`]);
    const forged = await agent.post(`/surveys/${survey.id}/results/trace.csv`).type('form').send({ question: String(q1.id) });
    expect(forged.status).to.equal(403);
    expect(forged.headers['content-type']).to.not.contain('text/csv');
    expect(await exportRows()).to.equal(0);
  });

  it('is offered to staff through the API, and refused without one question or for an unknown survey or question', async () => {
    const q1 = survey.questions[0]!;
    const viaApi = await apiExport(staff, `trace.csv?question=${q1.id}`);
    expect(viaApi.status).to.equal(200);
    expect(rowsOf(viaApi.body)[0]!.at(-1)).to.equal('ranking_key');
    const all = await request(app).get(`/api/v1/surveys/${survey.id}/exports/trace.csv`).set('Authorization', await staff.bearer());
    expect(all.status).to.equal(422);
    expect(all.body.error.message).to.equal('The per-ballot trace is made for one question: choose the question.');
    const withoutQuestion = await downloadTrace(adminAccount, {});
    expect(withoutQuestion.status).to.equal(422);
    expect(withoutQuestion.body.toString('utf8')).to.contain('The per-ballot trace is made for one question: choose the question.');
    expect((await downloadTrace(adminAccount, { question: q1.id }, survey.id + 1000)).status).to.equal(404);
    expect((await downloadTrace(adminAccount, { question: 999_999 })).status).to.equal(404);
  });
});
