import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { Actor } from '../../server/domain/deps.js';
import { closeSurvey, openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';
import { changeContent } from '../../server/data/content-version.js';

/** The hidden and visible fields of the first form posting to `action` on a page, as a browser would send them untouched. */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = m[2]!.replace(/&#34;/g, '"').replace(/&amp;/g, '&');
  return fields;
}

const revisionsCount = async (ctx: TestContext) => Number((await ctx.db('ballot_revisions').count({ n: '*' }).first())!.n);

describe('ballot pages', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let survey: Survey;
  let delegate: { email: string };
  let agent: Agent;
  let theme: Survey['questions'][number];
  let topics: Survey['questions'][number];

  /** The no-JavaScript form: one rank select per option, as chosen. */
  function rankFields(ranks: Record<number, string>, extra: Record<string, string> = {}) {
    const fields: Record<string, string> = {};
    for (const [optionId, rank] of Object.entries(ranks)) {
      const q = survey.questions.find((x) => x.options.some((o) => o.id === Number(optionId)))!;
      fields[`rank_${q.id}_${optionId}`] = rank;
    }
    return { ...fields, ...extra };
  }

  /** Posts the ballot page's form to the review step with the page's own hidden fields. */
  async function review(a: Agent, fields: Record<string, string>) {
    const page = await a.get(`/surveys/${survey.id}/ballot`);
    expect(page.status).to.equal(200);
    const hidden = formFields(page.text, `/surveys/${survey.id}/ballot/review`);
    return a.post(`/surveys/${survey.id}/ballot/review`).type('form').send({ ...hidden, ...fields });
  }

  /** Review, then submit what the review page carries. */
  async function reviewAndSubmit(a: Agent, fields: Record<string, string>) {
    const reviewed = await review(a, fields);
    expect(reviewed.status, reviewed.text.slice(0, 2000)).to.equal(200);
    return a.post(`/surveys/${survey.id}/ballot`).type('form').send(formFields(reviewed.text, `/surveys/${survey.id}/ballot`));
  }

  const goodBallot = () => rankFields({
    [theme.options[1]!.id]: '1', [theme.options[0]!.id]: '2',
    [topics.options[2]!.id]: '1', [topics.options[0]!.id]: '2',
  }, { [`comment_${topics.id}`]: 'Topic 3 matters most to us.', comments: 'Thank you.' });

  useSignedIn({ memberStates: ['FRA', 'SEN'], observers: ['VAT'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = s.admin.actor;
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, { closesAt: '2026-11-30T13:30:00.000Z' })).id);
    [theme, topics] = [survey.questions[0]!, survey.questions[1]!];
    const fra = await s.createDelegate('FRA');
    delegate = fra.user;
    agent = await fra.agent();
  });

  it('lists the open survey as not answered with its closing time and the time left', async () => {
    const res = await agent.get('/surveys');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('International Dialogue on Migration 2008').and.contain('Not answered');
    expect(res.text).to.contain('Closes on 30 November 2026 at 13:30 UTC').and.contain('closes in 2 days 4 hours');
    expect(res.text).to.contain('data-closes-at="2026-11-30T13:30:00.000Z"').and.contain('action="/receipts"');
  });

  it('sends administrators and staff from /surveys to the Administration’s pages', async () => {
    const res = await (await signIn(app, (await createTestUser(ctx.deps, 'staff')).email)).get('/surveys');
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/admin/surveys');
  });

  it('shows each question with its rules, a labelled rank select per option, abstention and comments, in the delegate’s language', async () => {
    const res = await agent.get(`/surveys/${survey.id}/ballot`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('Options retained: 2 · Ranks allowed: up to 4 of 4 · Counting method: Single transferable vote (STV)');
    // Beside the method's name, what the voter's ranking does under it, in plain words.
    expect(res.text).to.contain('<p class="method-plain">Your first choice counts first; if it is set aside, or has more votes than it needs, your ballot (or the part not needed) passes to your next choice.');
    const optionId = topics.options[1]!.id;
    expect(res.text).to.match(new RegExp(`<label for="rank_${topics.id}_${optionId}" class="option-name"><span class="option-label">\\(b\\)</span> Topic 2</label>`));
    expect(res.text).to.contain(`<select id="rank_${topics.id}_${optionId}" name="rank_${topics.id}_${optionId}"`);
    expect(res.text).to.contain('<option value="4">Rank 4</option>').and.contain(`name="abstain_${topics.id}"`).and.contain('name="comments"');
    expect(res.text).to.contain('name="baseRevision" value="0"');
    await ctx.db('users').where({ email: delegate.email }).update({ language: 'fr' });
    const fr = await agent.get(`/surveys/${survey.id}/ballot`);
    expect(fr.text).to.contain('Thème général').and.contain('Méthode de dépouillement\u202f: Vote unique transférable').and.contain('Non classée');
    expect(fr.text).to.contain('Votre premier choix compte d’abord\u202f; s’il est écarté');
    // The ranking script's screen-reader labels take their punctuation from the language.
    expect(fr.text).to.contain('data-t-label-for="{action}\u202f: {title}"');
  });

  it('shows a missing translation in English, marked as such', async () => {
    // Straight into the table, as nobody could once the survey is open; moving the content version
    // as every writer of options does.
    await ctx.database.transaction((tx) => changeContent(tx, (db) => db('options').where({ id: topics.options[3]!.id }).update({ title_es: null })));
    await ctx.db('users').where({ email: delegate.email }).update({ language: 'es' });
    const res = await agent.get(`/surveys/${survey.id}/ballot`);
    expect(res.text).to.contain('<span lang="en">Topic 4</span> <span class="untranslated">(Todavía sin traducir: se muestra en inglés.)</span>');
    expect(res.text).to.contain('Tema 3');
  });

  it('takes a ranking from the rank selects through the review to a receipt, as it will be counted', async () => {
    const reviewed = await review(agent, goodBallot());
    expect(reviewed.status).to.equal(200);
    expect(reviewed.text).to.contain('This is your ballot as it will be counted');
    // Each place is said as a choice, apart from the option's label.
    expect(reviewed.text).to.match(/<ol class="counted-ranking">\s*<li><span class="choice">1st choice:<\/span> <span class="option-label">B<\/span> Migration and development<\/li><li><span class="choice">2nd choice:<\/span> <span class="option-label">A<\/span> Return migration<\/li>/);
    expect(reviewed.text).to.contain('Topic 3 matters most to us.');
    expect(await revisionsCount(ctx)).to.equal(0);

    const submitted = await agent.post(`/surveys/${survey.id}/ballot`).type('form').send(formFields(reviewed.text, `/surveys/${survey.id}/ballot`));
    expect(submitted.status).to.equal(303);
    const stored = await ctx.db('ballot_revisions').first();
    expect(stored).to.include({ revision: 1, channel: 'web', comments: 'Thank you.' });
    expect(JSON.parse(stored.answers)).to.deep.equal({
      [theme.id]: { ranking: [theme.options[1]!.id, theme.options[0]!.id] },
      [topics.id]: { ranking: [topics.options[2]!.id, topics.options[0]!.id], comment: 'Topic 3 matters most to us.' },
    });
    expect(submitted.headers.location).to.equal(`/surveys/${survey.id}/ballot/receipt/${stored.receipt}`);
    const receipt = await agent.get(submitted.headers.location!);
    expect(receipt.status).to.equal(200);
    expect(receipt.text).to.contain(`<p class="code" id="receipt-code">${stored.receipt}</p>`).and.contain('Your ballot has been recorded.');
    expect(receipt.text).to.contain('This is the current version of the ballot: it is the one counted.');

    const file = await agent.get(`/receipts/${stored.receipt}/download`);
    expect(file.status).to.equal(200);
    expect(file.headers['content-disposition']).to.contain(`receipt-${stored.receipt}.txt`);
    expect(file.text).to.contain('Member State: FRA').and.contain('Version: 1').and.contain(`Receipt code: ${stored.receipt}`);
    expect(file.text).to.contain('1st choice: B Migration and development').and.contain('2nd choice: (a) Topic 1');

    const list = await agent.get('/surveys');
    expect(list.text).to.contain(`Answered on 28 November 2026 at 09:00 UTC by ${delegate.email}`);
    const again = await agent.get(`/surveys/${survey.id}/ballot`);
    expect(again.text).to.contain('name="baseRevision" value="1"');
    expect(again.text).to.match(new RegExp(`name="rank_${topics.id}_${topics.options[2]!.id}"[^>]*>\\s*<option value="">[^<]*</option>\\s*<option value="1" selected>`));
  });

  it('records an abstention and shows it at the review', async () => {
    const res = await reviewAndSubmit(agent, rankFields({ [theme.options[0]!.id]: '1' }, { [`abstain_${topics.id}`]: '1' }));
    expect(res.status).to.equal(303);
    const stored = await ctx.db('ballot_revisions').first();
    expect(JSON.parse(stored.answers)[topics.id]).to.deep.equal({ abstain: true });
  });

  it('takes a partial ranking up to the maximum, and a change goes back to the form filled in', async () => {
    const reviewed = await review(agent, rankFields({ [theme.options[0]!.id]: '1', [topics.options[3]!.id]: '1' }));
    const change = await agent.post(`/surveys/${survey.id}/ballot/change`).type('form').send(formFields(reviewed.text, `/surveys/${survey.id}/ballot`));
    expect(change.status).to.equal(200);
    expect(change.text).to.match(new RegExp(`name="rank_${topics.id}_${topics.options[3]!.id}"[^>]*>\\s*<option value="">[^<]*</option>\\s*<option value="1" selected>`));
    expect(await revisionsCount(ctx)).to.equal(0);
  });

  it('refuses a tie of two ranks at its question, keeps the input and writes nothing', async () => {
    const res = await review(agent, rankFields({ [theme.options[0]!.id]: '1', [topics.options[0]!.id]: '1', [topics.options[1]!.id]: '1' }));
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Rank 1 is given to more than one option (Topic 1, Topic 2): a tie is not a ranking.');
    expect(res.text).to.contain(`<a href="#q${topics.id}">Question 2: Workshop topics</a>`);
    expect(res.text).to.contain(`id="q${topics.id}-errors"`).and.contain(`aria-describedby="q${topics.id}-rules q${topics.id}-errors"`);
    expect(res.text).to.match(new RegExp(`name="rank_${topics.id}_${topics.options[1]!.id}"[^>]*aria-invalid="true">\\s*<option value="">[^<]*</option>\\s*<option value="1" selected>`));
    expect(await revisionsCount(ctx)).to.equal(0);
  });

  it('refuses ranks with a gap', async () => {
    const res = await review(agent, rankFields({ [theme.options[0]!.id]: '1', [topics.options[0]!.id]: '1', [topics.options[1]!.id]: '3' }));
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Rank 2 is not used but rank 3 is: ranks must follow one another');
  });

  it('refuses a question neither ranked nor abstained, and one both ranked and abstained', async () => {
    const res = await review(agent, rankFields({ [topics.options[0]!.id]: '1' }, { [`abstain_${topics.id}`]: '1' }));
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Rank at least one option, or abstain.').and.contain('Either rank the options or abstain, not both.');
  });

  describe('refuses a tampered form with a clear message and writes nothing', () => {
    it('an option that is not part of the question', async () => {
      const res = await reviewAndSubmitRaw({ ...goodBallot(), [`rank_${topics.id}_99999`]: '3' });
      expect(res.status).to.equal(422);
      expect(res.text).to.contain('Rank 3 names an option that is not part of this question.');
      expect(await revisionsCount(ctx)).to.equal(0);
    });

    it('an option given two ranks', async () => {
      const page = await agent.get(`/surveys/${survey.id}/ballot`);
      const field = `rank_${topics.id}_${topics.options[0]!.id}`;
      const body = new URLSearchParams({ ...formFields(page.text, `/surveys/${survey.id}/ballot/review`), ...rankFields({ [theme.options[0]!.id]: '1' }) });
      body.append(field, '1');
      body.append(field, '2');
      const res = await agent.post(`/surveys/${survey.id}/ballot`).type('form').send(body.toString());
      expect(res.status).to.equal(422);
      expect(res.text).to.contain('An option was sent with more than one rank.');
      expect(await revisionsCount(ctx)).to.equal(0);
    });

    it('a rank beyond the options', async () => {
      const res = await reviewAndSubmitRaw({ ...goodBallot(), [`rank_${topics.id}_${topics.options[3]!.id}`]: '9' });
      expect(res.status).to.equal(422);
      expect(res.text).to.contain('A rank must be a whole number from 1 to 4.');
    });

    it('another Member State named in the form: 403', async () => {
      const sen = await ctx.db('member_states').where({ iso3: 'SEN' }).first();
      const res = await reviewAndSubmitRaw({ ...goodBallot(), memberState: String(sen.id) });
      expect(res.status).to.equal(403);
      expect(res.text).to.contain('You can only answer for your own Member State.');
      expect(await revisionsCount(ctx)).to.equal(0);
    });

    it('a closed survey: 409 with the reason', async () => {
      const page = await agent.get(`/surveys/${survey.id}/ballot`);
      await closeSurvey(ctx.deps, admin, survey.id);
      const res = await agent.post(`/surveys/${survey.id}/ballot`).type('form').send({ ...formFields(page.text, `/surveys/${survey.id}/ballot/review`), ...goodBallot() });
      expect(res.status).to.equal(409);
      expect(res.text).to.contain('This survey is closed: no more ballots are taken.');
      expect(await revisionsCount(ctx)).to.equal(0);
      const get = await agent.get(`/surveys/${survey.id}/ballot`);
      expect(get.text).to.contain('This survey is closed').and.not.contain('ballot/review');
    });

    it('a survey past its closing time, which nobody closed: 409', async () => {
      const page = await agent.get(`/surveys/${survey.id}/ballot`);
      ctx.clock.set('2026-11-30T13:30:00.000Z');
      const res = await agent.post(`/surveys/${survey.id}/ballot`).type('form').send({ ...formFields(page.text, `/surveys/${survey.id}/ballot/review`), ...goodBallot() });
      expect(res.status).to.equal(409);
      expect(await revisionsCount(ctx)).to.equal(0);
    });

    it('a missing CSRF token: 403', async () => {
      const page = await agent.get(`/surveys/${survey.id}/ballot`);
      const { _csrf, ...rest } = formFields(page.text, `/surveys/${survey.id}/ballot/review`);
      expect(_csrf).to.be.a('string');
      const res = await agent.post(`/surveys/${survey.id}/ballot`).type('form').send({ ...rest, ...goodBallot() });
      expect(res.status).to.equal(403);
      expect(await revisionsCount(ctx)).to.equal(0);
    });

    it('an observer’s delegate: 403', async () => {
      const observer = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'VAT' })).email);
      expect((await observer.get(`/surveys/${survey.id}/ballot`)).status).to.equal(403);
      const page = await observer.get('/surveys');
      const res = await observer.post(`/surveys/${survey.id}/ballot`).type('form').send({ _csrf: csrfFrom(page.text), baseRevision: '0', ...goodBallot() });
      expect(res.status).to.equal(403);
      expect(res.text).to.contain('Observers do not vote.');
      expect(await revisionsCount(ctx)).to.equal(0);
    });

    it('a base revision that is not a whole number: 422 with the reason, at the top of the form', async () => {
      const res = await reviewAndSubmitRaw({ ...goodBallot(), baseRevision: 'one' });
      expect(res.status).to.equal(422);
      expect(res.text).to.contain('The form does not say which version of the ballot it was filled from.');
      expect(await revisionsCount(ctx)).to.equal(0);
    });

    it('a proposal once the survey is closed: 409 with the reason, nothing recorded', async () => {
      const page = await agent.get(`/surveys/${survey.id}/proposals`);
      await closeSurvey(ctx.deps, admin, survey.id);
      const res = await agent.post(`/surveys/${survey.id}/proposals`).type('form').send({ _csrf: csrfFrom(page.text), question: String(topics.id), title: 'Too late', language: 'en' });
      expect(res.status).to.equal(409);
      expect(res.text).to.contain('Proposals are taken while the survey is open.');
      expect(await ctx.db('proposals').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
    });

    async function reviewAndSubmitRaw(fields: Record<string, string>) {
      const page = await agent.get(`/surveys/${survey.id}/ballot`);
      return agent.post(`/surveys/${survey.id}/ballot`).type('form').send({ ...formFields(page.text, `/surveys/${survey.id}/ballot/review`), ...fields });
    }
  });

  it('refuses a submission made from an older revision, shows the current ballot and who changed it, and overwrites nothing', async () => {
    const colleague = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' })).email);
    const mine = await review(agent, goodBallot());
    const theirs = await reviewAndSubmit(colleague, rankFields({ [theme.options[0]!.id]: '1', [topics.options[3]!.id]: '1' }));
    expect(theirs.status).to.equal(303);
    const colleagueEmail = (await ctx.db('ballot_revisions').first()).submitted_by_label;

    const res = await agent.post(`/surveys/${survey.id}/ballot`).type('form').send(formFields(mine.text, `/surveys/${survey.id}/ballot`));
    expect(res.status).to.equal(409);
    expect(res.text).to.contain(`Your ballot was changed by ${colleagueEmail} on 28 November 2026 at 09:00 UTC (version 1) after you started.`);
    expect(res.text).to.contain('name="baseRevision" value="1"');
    expect(res.text).to.match(new RegExp(`name="rank_${topics.id}_${topics.options[3]!.id}"[^>]*>\\s*<option value="">[^<]*</option>\\s*<option value="1" selected>`));
    expect(await revisionsCount(ctx)).to.equal(1);

    // Submitting again from the page now shown is taken.
    const retry = await reviewAndSubmit(agent, goodBallot());
    expect(retry.status).to.equal(303);
    expect(await revisionsCount(ctx)).to.equal(2);
  });

  it('lists every revision newest first with when, who, channel and receipt', async () => {
    await reviewAndSubmit(agent, goodBallot());
    ctx.clock.advance(60 * 60 * 1000);
    await reviewAndSubmit(agent, rankFields({ [theme.options[0]!.id]: '1' }, { [`abstain_${topics.id}`]: '1' }));
    const [second, first] = await ctx.db('ballot_revisions').orderBy('revision', 'desc');
    const res = await agent.get(`/surveys/${survey.id}/ballot/history`);
    expect(res.status).to.equal(200);
    const rows = [...res.text.matchAll(/<td class="num">(\d+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td>\s*<td>([^<]+)<\/td>\s*<td><a href="\/receipts\/([^"]+)">/g)].map((m) => m.slice(1));
    expect(rows).to.deep.equal([
      ['2', '28 November 2026 at 10:00 UTC', delegate.email, 'Web page', second.receipt],
      ['1', '28 November 2026 at 09:00 UTC', delegate.email, 'Web page', first.receipt],
    ]);
  });

  it('shows a receipt to its delegation and the Administration only, saying whether it is still counted', async () => {
    await reviewAndSubmit(agent, goodBallot());
    const { receipt: old } = await ctx.db('ballot_revisions').first();
    await reviewAndSubmit(agent, rankFields({ [theme.options[0]!.id]: '1' }, { [`abstain_${topics.id}`]: '1' }));

    const mine = await agent.get(`/receipts/${old}`);
    expect(mine.status).to.equal(200);
    expect(mine.text).to.contain('This version was replaced by a later one').and.contain('Topic 3');
    const typed = await agent.get(`/receipts?code=${old.toLowerCase().replace(/-/g, ' ')}`);
    expect(typed.status).to.equal(303);
    expect(typed.headers.location).to.equal(`/receipts/${old}`);

    const colleague = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' })).email);
    expect((await colleague.get(`/receipts/${old}`)).status).to.equal(200);
    const other = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'SEN' })).email);
    const refused = await other.get(`/receipts/${old}`);
    expect(refused.status).to.equal(404);
    expect(refused.text).to.not.contain('Topic 3');
    expect((await other.get(`/receipts/${old}/download`)).status).to.equal(404);
    expect((await other.get(`/receipts?code=${old}`)).status).to.equal(404);
    expect((await other.get(`/surveys/${survey.id}/ballot/receipt/${old}`)).status).to.equal(404);
    const administrator = await signIn(app, admin.email);
    const seen = await administrator.get(`/receipts/${old}`);
    expect(seen.status).to.equal(200);
    expect(seen.text).to.contain('FRA');
    expect((await request(app).get(`/receipts/${old}`)).status).to.equal(303);
  });

  it('names the Member State in the reader’s language, not by its code, on the ballot, its review, the receipt and the header', async () => {
    const ballot = await agent.get(`/surveys/${survey.id}/ballot`);
    expect(ballot.text).to.contain('(Delegate, FRA (en))').and.contain('<strong>Ballot of FRA (en)</strong>');
    expect(ballot.text).to.not.contain('Ballot of FRA<');
    const reviewed = await review(agent, goodBallot());
    expect(reviewed.text).to.contain('Ballot of FRA (en)');
    await reviewAndSubmit(agent, goodBallot());
    const { receipt } = await ctx.db('ballot_revisions').first();
    expect((await agent.get(`/receipts/${receipt}`)).text).to.match(/<dd>FRA \(en\)<\/dd>/);
    const home = await agent.get('/');
    expect(home.text).to.contain('You answer for your Member State, FRA (en).');
    // The reader switches to French, then Spanish: the names follow.
    await agent.post('/language').type('form').send({ _csrf: csrfFrom(home.text), lang: 'fr', next: '/' });
    const french = await agent.get(`/surveys/${survey.id}/ballot`);
    expect(french.text).to.contain('(Délégué(e), FRA (fr))').and.contain('Bulletin de FRA (fr)');
    expect((await agent.get(`/receipts/${receipt}`)).text).to.match(/<dd>FRA \(fr\)<\/dd>/);
    await agent.post('/language').type('form').send({ _csrf: csrfFrom(french.text), lang: 'es', next: '/' });
    expect((await agent.get(`/surveys/${survey.id}/ballot`)).text).to.contain('Papeleta de FRA (es)');
    // The downloaded receipt, a document that may be filed, keeps the code beside the name.
    expect((await agent.get(`/receipts/${receipt}/download`)).text).to.contain('FRA (es) (FRA)');
  });

  it('takes a proposal for a question that allows it and shows its status and the reason it was declined', async () => {
    const page = await agent.get(`/surveys/${survey.id}/proposals`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Question 2: Workshop topics').and.not.contain(`<option value="${theme.id}"`);
    const res = await agent.post(`/surveys/${survey.id}/proposals`).type('form')
      .send({ _csrf: csrfFrom(page.text), question: String(topics.id), title: 'Migration et climat', description: 'Les déplacements liés au climat.', language: 'fr' });
    expect(res.status).to.equal(303);
    const row = await ctx.db('proposals').first();
    expect(row).to.include({ title: 'Migration et climat', language: 'fr', status: 'pending', question_id: topics.id });
    const { declineProposal } = await import('../../server/domain/proposals.js');
    await declineProposal(ctx.deps, admin, row.id, { reason: 'Covered by topic (c).' });
    const after = await agent.get(`/surveys/${survey.id}/proposals`);
    expect(after.text).to.contain('<strong lang="fr">Migration et climat</strong> · <span class="proposal-status">Declined</span>').and.contain('Reason: Covered by topic (c).');

    const empty = await agent.post(`/surveys/${survey.id}/proposals`).type('form').send({ _csrf: csrfFrom(after.text), question: String(topics.id), title: '', language: 'en' });
    expect(empty.status).to.equal(422);
    expect(empty.text).to.contain('id="title-error"');
    const refused = await agent.post(`/surveys/${survey.id}/proposals`).type('form').send({ _csrf: csrfFrom(after.text), question: String(theme.id), title: 'Another theme', language: 'en' });
    expect(refused.status).to.equal(403);
    expect(await ctx.db('proposals').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 1);
  });
});
