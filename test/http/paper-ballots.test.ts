import { expect } from 'chai';
import type { Express } from 'express';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { closeSurvey, openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

const HEADER = 'iso3,channel,q1_rank_1,q1_rank_2,q2_rank_1,q2_rank_2,q2_rank_3,q2_rank_4,comments';
const revisionsCount = async (ctx: TestContext) => Number((await ctx.db('ballot_revisions').count({ n: '*' }).first())!.n);

/** The text of a page without its tags, spaces collapsed, to read it as a person would. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

/** The report table's row for a line of the file, as text. */
function reportRow(html: string, line: number): string {
  const m = new RegExp(`<tr[^>]*>\\s*<th scope="row" class="num">${line}</th>([\\s\\S]*?)</tr>`).exec(html);
  if (!m) throw new Error(`no report row for line ${line}`);
  return textOf(m[1]!);
}

describe('paper ballot pages', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let survey: Survey;
  let agent: Agent;
  let ids: Record<string, number>;
  let url: string;

  async function upload(csv: string | Buffer, mode: 'check' | 'import') {
    const page = await agent.get(url);
    return agent.post(`${url}/import`).field('_csrf', csrfFrom(page.text)).field('mode', mode)
      .attach('file', typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv, { filename: 'ballots.csv', contentType: 'text/csv' });
  }

  useSignedIn({ memberStates: ['DEU', 'ESP', 'FRA', 'ITA'], observers: ['VAT'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    ids = {};
    for (const iso3 of ['DEU', 'ESP', 'FRA', 'ITA']) ids[iso3] = s.memberStates[iso3]!.id;
    admin = s.admin.actor;
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    url = `/admin/surveys/${survey.id}/paper-ballots`;
    agent = await s.admin.agent();
  });

  it('shows the entry form for members only, the CSV format with an example for this survey, and both import buttons', async () => {
    const res = await agent.get(url);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain(`<option value="${ids.FRA}">FRA (en) (FRA)</option>`).and.not.contain('VAT (en)');
    expect(res.text).to.contain('iso3,channel,q1_rank_1,q1_rank_2,q1_abstain,q2_rank_1,q2_rank_2,q2_rank_3,q2_rank_4,q2_abstain,comments');
    expect(res.text).to.contain('name="mode" value="check"').and.contain('name="mode" value="import"').and.contain('enctype="multipart/form-data"');
    await agent.post('/language').type('form').send({ _csrf: csrfFrom(res.text), lang: 'fr', next: url });
    const fr = await agent.get(url);
    expect(fr.text).to.contain('Importer un fichier CSV').and.contain('Saisir un bulletin');
  });

  it('checks a file without writing anything, showing each row as it would be counted and the revision it would replace', async () => {
    const fra = await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' });
    await submitBallot(ctx.deps, actorOf(fra, ids.FRA!), survey.id, { answers: [{ question: survey.questions[0]!.id, ranking: [survey.questions[0]!.options[0]!.id] }, { question: survey.questions[1]!.id, ranking: [survey.questions[1]!.options[0]!.id] }] }, { channel: 'web' });
    const res = await upload([HEADER, 'DEU,paper,B,A,(c),(a),,,', 'FRA,note-verbale,A,,Topic 2,,,,'].join('\n'), 'check');
    expect(res.status).to.equal(200);
    expect(textOf(res.text)).to.contain('Check only: nothing was written. Importing this file would record 1 new ballot(s) and replace 1.');
    expect(reportRow(res.text, 2)).to.contain('DEU · DEU (en)').and.contain('Paper').and.contain('New ballot')
      .and.contain('Question 1: 1. B Migration and development · 2. A Return migration').and.contain('Question 2: 1. (c) Topic 3 · 2. (a) Topic 1');
    expect(reportRow(res.text, 3)).to.contain('Note verbale').and.contain(`Replaces revision 1 of 28 November 2026 at 09:00 UTC by ${fra.email}`);
    expect(await revisionsCount(ctx)).to.equal(1);
  });

  it('imports a good file: a revision per row with its channel and receipt, the report listing them', async () => {
    const res = await upload([HEADER, 'DEU,paper,B,A,(c),(a),,,', 'ITA,note-verbale,A,,d,b,,,"By note verbale, 3 November"'].join('\r\n'), 'import');
    expect(res.status).to.equal(200);
    expect(textOf(res.text)).to.contain('Imported: 2 new ballot(s) and 0 replaced, in one go.');
    const rows = await ctx.db('ballot_revisions').orderBy('id');
    expect(rows.map((r) => [r.channel, r.submitted_by_label])).to.deep.equal([['paper', admin.email], ['note-verbale', admin.email]]);
    for (const r of rows) expect(res.text).to.contain(`/receipts/${r.receipt}`);
    expect(reportRow(res.text, 3)).to.contain(`New ballot: revision 1, receipt ${rows[1].receipt}`).and.contain('Comments: By note verbale, 3 November');
    expect(await ctx.db('audit_entries').where({ action: 'ballot.submit' }).count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 2);
  });

  it('imports a semicolon file from a spreadsheet set to Spanish (Windows-1252, CRLF), naming how it read a file it cannot take', async () => {
    const semicolons = [HEADER.replaceAll(',', ';'), 'DEU;papel;B;A;(c);(a);;;', 'ESP;paper;A;;Topic 2;;;;"Recibido; 3 de noviembre, Madrid"'].join('\r\n');
    const refused = await upload(Buffer.from(semicolons, 'latin1'), 'import');
    expect(refused.status).to.equal(422);
    const res = await upload(Buffer.from(semicolons.replace('papel', 'paper').replace('3 de noviembre', '3 de noviembre, recepción'), 'latin1'), 'import');
    expect(res.status).to.equal(200);
    expect(textOf(res.text)).to.contain('Imported: 2 new ballot(s) and 0 replaced, in one go.');
    expect(textOf(res.text)).to.contain('Comments: Recibido; 3 de noviembre, recepción, Madrid');
    const unknown = await upload(`iso3;channel;q1_rank_1;q3_rank_1\r\nDEU;paper;A;B\r\n`, 'check');
    expect(unknown.status).to.equal(422);
    expect(textOf(unknown.text)).to.contain('q3_rank_1').and.contain('(The file was read with “;” between columns, as UTF-8.)');
    expect(await revisionsCount(ctx)).to.equal(2);
  });

  it('reports the bad rows with their line numbers and reasons, in the reader’s language, and writes not even the good rows', async () => {
    const csv = [HEADER,
      'DEU,paper,A,,(a),,,,',
      'XXX,paper,A,,(a),,,,',
      'VAT,paper,A,,(a),,,,',
      'ESP,paper,Zebra,,(a),,,,',
      'ITA,paper,A,,(a),(a),,,',
      'FRA,paper,A,,(a),,(c),,',
      'DEU,paper,B,,(b),,,,',
      'FRA,fax,A,,(a),,,,',
    ].join('\n');
    const res = await upload(csv, 'import');
    expect(res.status).to.equal(422);
    expect(textOf(res.text)).to.contain('7 row(s) have errors').and.contain('Nothing was written, not even the good rows');
    expect(reportRow(res.text, 2)).to.contain('New ballot');
    expect(reportRow(res.text, 3)).to.contain('Rejected').and.contain('No Member State has the code XXX.');
    expect(reportRow(res.text, 4)).to.contain('VAT is an observer');
    expect(reportRow(res.text, 5)).to.contain('Question 1: Rank 1: “Zebra” is neither the label nor the title of an option of this question.');
    expect(reportRow(res.text, 6)).to.contain('Question 2: Rank 2 repeats an option ranked higher.');
    expect(reportRow(res.text, 7)).to.contain('Question 2: Rank 2 is empty but a later rank is not');
    expect(reportRow(res.text, 8)).to.contain('DEU already has a ballot on line 2');
    expect(reportRow(res.text, 9)).to.contain('The channel “fax” is neither paper nor note-verbale.');
    expect(await revisionsCount(ctx)).to.equal(0);

    await agent.post('/language').type('form').send({ _csrf: csrfFrom((await agent.get(url)).text), lang: 'es', next: url });
    const es = await upload(csv, 'check');
    expect(reportRow(es.text, 3)).to.contain('Ningún Estado Miembro tiene el código XXX.');
    expect(reportRow(es.text, 5)).to.contain('Pregunta 1: Puesto 1');
  });

  it('refuses a malformed file, or none at all, saying so and writing nothing', async () => {
    const res = await upload(`${HEADER}\nDEU,"paper,A,,(a),,,,\n`, 'import');
    expect(res.status).to.equal(422);
    expect(textOf(res.text)).to.contain('A double quote is never closed: the file ends inside a quoted cell, at line 2').and.contain('Nothing was written.');
    const unknown = await upload('iso3,q1_rank_1,q2_rank_1,q9_rank_1\nDEU,A,(a),x\n', 'import');
    expect(unknown.status).to.equal(422);
    expect(textOf(unknown.text)).to.contain('columns that mean nothing for this survey: q9_rank_1');
    const page = await agent.get(url);
    const none = await agent.post(`${url}/import`).field('_csrf', csrfFrom(page.text)).field('mode', 'import');
    expect(none.status).to.equal(422);
    expect(none.text).to.contain('Choose a CSV file.');
    expect(await revisionsCount(ctx)).to.equal(0);
  });

  it('refuses ballots for a closed survey, telling the administrator to reopen it, and hides the forms', async () => {
    const page = await agent.get(url);
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    const res = await agent.post(`${url}/import`).field('_csrf', csrfFrom(page.text)).field('mode', 'import')
      .attach('file', Buffer.from(`${HEADER}\nDEU,paper,A,,(a),,,,\n`), { filename: 'b.csv', contentType: 'text/csv' });
    expect(res.status).to.equal(409);
    expect(textOf(res.text)).to.contain('This survey is closed: no ballot can be entered.').and.contain('reopen the survey');
    const single = await agent.post(url).type('form').send({ _csrf: csrfFrom(page.text), memberState: String(ids.DEU), channel: 'paper', baseRevision: '0', [`rank_${survey.questions[0]!.id}_${survey.questions[0]!.options[0]!.id}`]: '1' });
    expect(single.status).to.equal(409);
    const after = await agent.get(url);
    expect(after.text).to.contain('reopen the survey').and.not.contain('enctype="multipart/form-data"');
    expect(await revisionsCount(ctx)).to.equal(0);
  });

  it('is for administrators only: staff and delegates get 403', async () => {
    const staff = await signIn(app, (await createTestUser(ctx.deps, 'staff')).email);
    expect((await staff.get(url)).status).to.equal(403);
    const staffPage = await staff.get('/admin/surveys');
    const post = await staff.post(`${url}/import`).field('_csrf', csrfFrom(staffPage.text)).field('mode', 'import')
      .attach('file', Buffer.from(`${HEADER}\nDEU,paper,A,,(a),,,,\n`), { filename: 'b.csv', contentType: 'text/csv' });
    expect(post.status).to.equal(403);
    const delegate = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' })).email);
    expect((await delegate.get(url)).status).to.equal(403);
    expect(await revisionsCount(ctx)).to.equal(0);
  });

  it('records one ballot entered by hand as received by note verbale, then shows it as the current ballot', async () => {
    const [theme, topics] = survey.questions as [Survey['questions'][number], Survey['questions'][number]];
    const form = await agent.get(`${url}?memberState=${ids.ITA}`);
    expect(form.text).to.contain('Ballot of ITA (en) (ITA)').and.contain('This Member State has no ballot yet.');
    expect(form.text).to.contain('<fieldset class="question" id="q').and.contain(`<label for="rank_${theme.id}_${theme.options[0]!.id}"`);
    const fields = {
      _csrf: csrfFrom(form.text), memberState: String(ids.ITA), baseRevision: '0', channel: 'note-verbale',
      [`rank_${theme.id}_${theme.options[1]!.id}`]: '1',
      [`rank_${topics.id}_${topics.options[2]!.id}`]: '1', [`rank_${topics.id}_${topics.options[0]!.id}`]: '2',
    };
    const res = await agent.post(url).type('form').send(fields);
    expect(res.status, res.text.slice(0, 500)).to.equal(303);
    const row = await ctx.db('ballot_revisions').first();
    expect(row).to.include({ channel: 'note-verbale', submitted_by_label: admin.email, revision: 1 });
    expect(JSON.parse(row.answers)).to.deep.equal({ [theme.id]: { ranking: [theme.options[1]!.id] }, [topics.id]: { ranking: [topics.options[2]!.id, topics.options[0]!.id] } });
    const after = await agent.get(res.headers.location!);
    expect(textOf(after.text)).to.contain(`The ballot of ITA (en) was recorded as revision 1, receipt code ${row.receipt}.`)
      .and.contain(`Current ballot: revision 1 of 28 November 2026 at 09:00 UTC, by ${admin.email} (`);
    const audit = await ctx.db('audit_entries').where({ action: 'ballot.submit' }).first();
    expect(JSON.parse(audit.details)).to.include({ channel: 'note-verbale', receipt: row.receipt });

    const stale = await agent.post(url).type('form').send(fields);
    expect(stale.status).to.equal(409);
    expect(textOf(stale.text)).to.contain(`changed by ${admin.email}`);
  });

  it('shows problems at the question and at the channel, keeping what was typed, and records nothing', async () => {
    const [theme, topics] = survey.questions as [Survey['questions'][number], Survey['questions'][number]];
    const form = await agent.get(`${url}?memberState=${ids.ITA}`);
    const res = await agent.post(url).type('form').send({
      _csrf: csrfFrom(form.text), memberState: String(ids.ITA), baseRevision: '0', channel: 'fax',
      [`rank_${theme.id}_${theme.options[0]!.id}`]: '1', [`rank_${topics.id}_${topics.options[0]!.id}`]: '2',
    });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('id="channel-error"').and.contain('The channel “fax” is neither paper nor note-verbale.');
    expect(res.text).to.contain(`id="q${topics.id}-errors"`).and.contain('Rank 1 is not used but rank 2 is');
    expect(res.text).to.contain(`<option value="2" selected>`);
    expect(await revisionsCount(ctx)).to.equal(0);
  });
});
