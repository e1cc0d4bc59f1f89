import { expect } from 'chai';
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { MAX_ATTACHMENT_BYTES } from '../../server/domain/overviews/attachments.js';
import { UPLOAD_LIMIT } from '../../server/http/middleware/bodies.js';
import { createEvent } from '../../server/domain/overviews/events.js';
import { reviewOverview, saveOverview } from '../../server/domain/overviews/overviews.js';
import { latestAuditEntry } from '../helpers/audit.js';
import { csrfFrom, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { buildPdf } from '../helpers/pdf.js';
import { useSignedIn, type SignedIn, type TestAccount } from '../helpers/signed-in.js';

const SECTIONS = [{ text: 'Our law of 2008.' }, { text: 'Assisted return.' }];
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('Overview attachments (PDF)', () => {
  let s: SignedIn;
  let ctx: TestContext;
  let app: Express;
  let chl: TestAccount;
  let eventId: number;
  let overviewId: number;

  useSignedIn({ memberStates: ['CHL', 'FRA', 'MEX'] }, async (signedIn) => {
    s = signedIn;
    ({ ctx } = s);
    app = await s.app();
    chl = await s.createDelegate('CHL');
    eventId = (await createEvent(ctx.deps, s.admin.actor, {
      title: { en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' },
      call: { deadline: '2026-12-15T17:00:00Z', maxWords: 100, sections: [{ heading: { en: 'Framework' } }, { heading: { en: 'Practice' } }], invited: ['CHL', 'FRA'] },
    })).id;
    overviewId = (await saveOverview(ctx.deps, chl.actor, eventId, { language: 'en', title: 'Chile', sections: SECTIONS })).id;
  });

  /** What a refusal must leave as it was. */
  const state = async () => ({
    overview: await ctx.db('overviews').where({ id: overviewId }).first(['revision', 'status', 'updated_at']),
    attachment: (await ctx.db('overview_attachments').where({ overview_id: overviewId }).first(['file_name', 'sha256'])) ?? null,
    revisions: Number((await ctx.db('overview_revisions').where({ overview_id: overviewId }).count({ n: '*' }).first())!.n),
    audit: Number((await ctx.db('audit_entries').where({ subject_type: 'overview' }).count({ n: '*' }).first())!.n),
  });

  /** Sends the multipart form of the overview page as a browser does, with the page's CSRF token. */
  const upload = async (agent: Agent, file: Buffer | null, filename = 'overview.pdf', baseRevision?: string) => {
    const page = await agent.get(`/events/${eventId}/overview`);
    const req = agent.post(`/events/${eventId}/overview/attachment`).field('_csrf', csrfFrom(page.text))
      .field('baseRevision', baseRevision ?? /name="baseRevision" value="(\d+)"/.exec(page.text)![1]!);
    return file ? req.attach('file', file, { filename, contentType: 'application/pdf' }) : req;
  };

  describe('on the overview page, without JavaScript', () => {
    it('attaches a PDF as a new revision, shows its name and size, serves it as a download, replaces and removes it, audited', async () => {
      const agent = await chl.agent();
      const page = await agent.get(`/events/${eventId}/overview`);
      expect(page.text).to.contain('enctype="multipart/form-data"');
      expect(page.text).to.contain('One PDF document of at most 5 MB');
      expect(page.text).to.contain('No file is attached.');
      const pdf = buildPdf('Chile');

      const attached = await upload(agent, pdf, 'Política de retorno "2008".pdf');
      expect(attached.status, attached.text).to.equal(303);
      expect(attached.headers.location).to.equal(`/events/${eventId}/overview?saved=2`);
      const after = await agent.get(attached.headers.location!);
      expect(after.text).to.contain('Saved: version 2, draft.');
      expect(after.text).to.contain(`href="/overviews/${overviewId}/attachment.pdf"`);
      expect(after.text).to.contain(`Política de retorno _2008_.pdf (PDF, ${pdf.length} bytes)`);
      expect(after.text).to.contain('Replace the file').and.contain('Remove the attached file');

      const row = await ctx.db('overview_attachments').where({ overview_id: overviewId }).first();
      expect(row).to.include({ file_name: 'Política de retorno _2008_.pdf', sha256: sha256(pdf), uploaded_by_label: chl.user.email });
      expect(Number(row.size)).to.equal(pdf.length);
      expect(Buffer.compare(Buffer.from(row.content), pdf)).to.equal(0);
      expect(await ctx.db('overview_revisions').where({ overview_id: overviewId }).orderBy('revision').pluck('revision')).to.deep.equal([1, 2]);
      const entry = await latestAuditEntry(ctx.deps, s.admin.actor);
      expect(entry.action).to.equal('overview.attach');
      expect(entry.details).to.include({ revision: 2, name: 'Política de retorno _2008_.pdf', size: pdf.length, sha256: sha256(pdf) });

      const download = await agent.get(`/overviews/${overviewId}/attachment.pdf`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(download.status).to.equal(200);
      expect(download.headers['content-type']).to.equal('application/pdf');
      expect(download.headers['content-disposition']).to.equal(`attachment; filename="Pol?tica de retorno _2008_.pdf"; filename*=UTF-8''Pol%C3%ADtica%20de%20retorno%20_2008_.pdf`);
      expect(download.headers['x-content-type-options']).to.equal('nosniff');
      expect(download.headers['content-security-policy']).to.equal("default-src 'none'; sandbox");
      expect(download.headers['cache-control']).to.equal('private, no-store');
      expect(Buffer.compare(download.body as Buffer, pdf)).to.equal(0);

      const other = buildPdf('Chile, second edition');
      const replaced = await upload(agent, other, 'second.pdf');
      expect(replaced.status).to.equal(303);
      expect(await ctx.db('overview_attachments').where({ overview_id: overviewId }).pluck('sha256')).to.deep.equal([sha256(other)]);
      expect((await latestAuditEntry(ctx.deps, s.admin.actor)).details).to.deep.include({ revision: 3, replaced: { name: 'Política de retorno _2008_.pdf', size: pdf.length, sha256: sha256(pdf) } });

      const form = await agent.get(`/events/${eventId}/overview`);
      const removed = await agent.post(`/events/${eventId}/overview/attachment/remove`).type('form').send({ _csrf: csrfFrom(form.text), baseRevision: '3' });
      expect(removed.status).to.equal(303);
      expect(await ctx.db('overview_attachments').where({ overview_id: overviewId }).first()).to.equal(undefined);
      expect((await latestAuditEntry(ctx.deps, s.admin.actor)).action).to.equal('overview.detach');
      expect((await agent.get(`/events/${eventId}/overview`)).text).to.contain('No file is attached.');
      expect((await agent.get(`/overviews/${overviewId}/attachment.pdf`)).status).to.equal(404);
      // The text of the overview went through every change unchanged.
      expect((await ctx.db('overviews').where({ id: overviewId }).first()).sections).to.equal(JSON.stringify(SECTIONS.map((x) => x.text)));
      expect((await verifyAuditChain(ctx.deps)).ok).to.equal(true);
    });

    it('refuses a file that is not a PDF, an empty, truncated or missing one, each with its message, writing nothing', async () => {
      const agent = await chl.agent();
      const before = await state();
      const cases: [Buffer | null, string, string][] = [
        [Buffer.from('Hello, this is plain text.\n%%EOF'), 'notes.pdf', 'The file is not a PDF document: it does not begin as a PDF does.'],
        [Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'page.pdf', 'The file is not a PDF document'],
        [Buffer.alloc(0), 'empty.pdf', 'The file is empty. Choose a PDF document.'],
        [buildPdf().subarray(0, 200), 'cut.pdf', 'The file is not a complete PDF document: its end is missing.'],
        [null, '', 'Choose a PDF file to attach.'],
      ];
      for (const [file, name, message] of cases) {
        const refused = await upload(agent, file, name);
        expect(refused.status, name).to.equal(422);
        expect(refused.text, name).to.contain(message);
        expect(refused.text, name).to.contain('class="field-error" id="file-error"');
      }
      expect(await state()).to.deep.equal(before);
    });

    it('refuses a file over the limit while receiving it (413) with the limit in the message, writing nothing', async () => {
      // The pages' upload limit, which stops the file while it is received, is the attachment's.
      expect(UPLOAD_LIMIT).to.equal(MAX_ATTACHMENT_BYTES);
      const agent = await chl.agent();
      const before = await state();
      const pdf = buildPdf();
      const big = Buffer.concat([pdf.subarray(0, pdf.length - 6), Buffer.alloc(MAX_ATTACHMENT_BYTES - pdf.length + 1, 0x20), Buffer.from('%%EOF\n')]);
      const refused = await upload(agent, big, 'big.pdf');
      expect(refused.status).to.equal(413);
      expect(refused.text).to.contain('an uploaded file at most 5 MB');
      expect(await state()).to.deep.equal(before);
    });

    it('refuses a change from a stale version, naming the current one, and any change once the call is closed', async () => {
      const agent = await chl.agent();
      await saveOverview(ctx.deps, (await s.createDelegate('CHL')).actor, eventId, { baseRevision: 1, language: 'en', title: 'Chile', sections: SECTIONS });
      const before = await state();
      const stale = await upload(agent, buildPdf(), 'x.pdf', '1');
      expect(stale.status).to.equal(409);
      expect(stale.text).to.contain('(version 2)');
      expect(await state()).to.deep.equal(before);

      ctx.clock.set('2026-12-16T00:00:00Z');
      const page = await agent.get(`/events/${eventId}/overview`);
      expect(page.text).not.to.contain('enctype="multipart/form-data"');
      const late = await agent.post(`/events/${eventId}/overview/attachment`).field('_csrf', csrfFrom(page.text)).field('baseRevision', '2')
        .attach('file', buildPdf(), { filename: 'late.pdf', contentType: 'application/pdf' });
      expect(late.status).to.equal(409);
      expect(late.text).to.contain('call for overviews is closed');
      expect(await state()).to.deep.equal(before);
    });
  });

  describe('the download, by role and status', () => {
    it('is the delegation’s and the Administration’s until published, everyone’s once published, nobody’s once withdrawn', async () => {
      const pdf = buildPdf();
      const chlToken = await chl.bearer();
      const put = await request(app).put(`/api/v1/events/${eventId}/overview/attachment`).query({ name: 'chile.pdf' })
        .set('Authorization', chlToken).set('Content-Type', 'application/pdf').send(pdf);
      expect(put.status, JSON.stringify(put.body)).to.equal(200);
      const url = `/overviews/${overviewId}/attachment.pdf`;
      const apiUrl = `/api/v1${url}`;
      const agents = {
        public: request.agent(app),
        colleague: await (await s.createDelegate('CHL')).agent(),
        otherState: await (await s.createDelegate('FRA')).agent(),
        staff: await (await s.createStaff()).agent(),
        admin: await s.admin.agent(),
      };
      const statuses = async () => Object.fromEntries(await Promise.all(Object.entries(agents).map(async ([who, a]) => [who, (await a.get(url)).status] as const)));
      expect(await statuses()).to.deep.equal({ public: 404, colleague: 200, otherState: 404, staff: 200, admin: 200 });
      expect((await request(app).get(apiUrl)).status).to.equal(404);
      expect((await request(app).get(apiUrl).set('Authorization', await (await s.createDelegate('FRA')).bearer())).status).to.equal(404);
      expect((await request(app).get(apiUrl).set('Authorization', chlToken)).status).to.equal(200);

      await saveOverview(ctx.deps, chl.actor, eventId, { language: 'en', title: 'Chile', sections: SECTIONS, submit: true });
      expect(await statuses()).to.deep.equal({ public: 404, colleague: 200, otherState: 404, staff: 200, admin: 200 });
      const review = await agents.admin.get('/admin/overviews');
      expect(review.text).to.contain(`href="${url}"`).and.contain(`chile.pdf (PDF, ${pdf.length} bytes)`);

      await reviewOverview(ctx.deps, s.admin.actor, overviewId, 'publish', {});
      expect(await statuses()).to.deep.equal({ public: 200, colleague: 200, otherState: 200, staff: 200, admin: 200 });
      const open = await request(app).get(url);
      expect(open.headers['cache-control']).to.equal('public, no-cache');
      expect((await request(app).get(apiUrl)).status).to.equal(200);
      const shown = await request(app).get(`/overviews/${overviewId}`).set('Accept-Language', 'fr');
      expect(shown.text).to.contain(`href="${url}"`).and.contain(`chile.pdf (PDF, ${pdf.length}\u00a0octets)`).and.contain('Document joint');
      const json = await request(app).get(`/api/v1/overviews/${overviewId}`);
      expect(json.body.attachment).to.deep.equal({ name: 'chile.pdf', size: pdf.length, sha256: sha256(pdf), url: apiUrl });

      // Published: the delegation changes it no more.
      const before = await state();
      const locked = await request(app).put(`/api/v1/events/${eventId}/overview/attachment`).query({ name: 'new.pdf' })
        .set('Authorization', chlToken).set('Content-Type', 'application/pdf').send(buildPdf('new'));
      expect(locked.status).to.equal(409);
      expect(locked.body.error.message).to.equal('The overview is published: its attached file can no longer be changed.');
      expect((await request(app).delete(`/api/v1/events/${eventId}/overview/attachment`).set('Authorization', chlToken)).status).to.equal(409);
      expect(await state()).to.deep.equal(before);

      await reviewOverview(ctx.deps, s.admin.actor, overviewId, 'withdraw', { reason: 'Superseded.' });
      expect(await statuses()).to.deep.equal({ public: 404, colleague: 200, otherState: 404, staff: 200, admin: 200 });
    });
  });

  describe('through the JSON API', () => {
    const put = (token: string, body: Buffer, query: Record<string, string> = { name: 'chile.pdf' }, type = 'application/pdf') =>
      request(app).put(`/api/v1/events/${eventId}/overview/attachment`).query(query).set('Authorization', token).set('Content-Type', type).send(body);

    it('attaches the PDF sent as the body, shows it in the overview, refuses a stale base, removes it', async () => {
      const token = await chl.bearer();
      const pdf = buildPdf();
      const attached = await put(token, pdf, { name: 'Chile overview.pdf', baseRevision: '1' });
      expect(attached.status, JSON.stringify(attached.body)).to.equal(200);
      expect(attached.body).to.deep.equal({ id: overviewId, revision: 2, status: 'draft', attachment: { name: 'Chile overview.pdf', size: pdf.length, sha256: sha256(pdf) } });
      const mine = await request(app).get(`/api/v1/events/${eventId}/overview`).set('Authorization', token);
      expect(mine.body.attachment).to.deep.equal({ name: 'Chile overview.pdf', size: pdf.length, sha256: sha256(pdf), url: `/api/v1/overviews/${overviewId}/attachment.pdf` });
      const noName = await put(token, pdf, {});
      expect(noName.body.attachment.name).to.equal('overview.pdf');

      const before = await state();
      const stale = await put(token, buildPdf('other'), { name: 'x.pdf', baseRevision: '2' });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.message).to.contain('(version 3)');
      expect(await state()).to.deep.equal(before);

      const removed = await request(app).delete(`/api/v1/events/${eventId}/overview/attachment`).query({ baseRevision: '3' }).set('Authorization', token);
      expect(removed.status).to.equal(200);
      expect(removed.body).to.deep.equal({ id: overviewId, revision: 4, status: 'draft', attachment: null });
      const again = await request(app).delete(`/api/v1/events/${eventId}/overview/attachment`).set('Authorization', token);
      expect(again.status).to.equal(404);
      expect(again.body.error.message).to.equal('This overview has no attached file.');
      expect((await request(app).get(`/api/v1/events/${eventId}/overview`).set('Authorization', token)).body.attachment).to.equal(null);
    });

    it('refuses what is not a PDF, the wrong content type, an oversized body, other roles and States, writing nothing', async () => {
      const token = await chl.bearer();
      const before = await state();
      const html = await put(token, Buffer.from('<html><body>Not a PDF</body></html>'), { name: 'page.pdf' });
      expect(html.status).to.equal(422);
      expect(html.body.error.fields).to.deep.equal([{ field: 'file', message: 'The file is not a PDF document: it does not begin as a PDF does. Save or export your document as PDF and choose that file.' }]);
      expect((await put(token, Buffer.alloc(0))).status).to.equal(422);
      const json = await request(app).put(`/api/v1/events/${eventId}/overview/attachment`).set('Authorization', token).send({ file: 'JVBERi0xLjQ=' });
      expect(json.status).to.equal(415);
      expect(json.body.error.message).to.equal('Send the PDF’s bytes as the body, with Content-Type: application/pdf.');
      const big = await put(token, Buffer.concat([buildPdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20)]));
      expect(big.status).to.equal(413);
      expect(big.body.error.message).to.equal('The file is larger than 5 MB, the most an attached file may be. Nothing was saved.');
      expect((await put(token, buildPdf(), { name: 'x'.repeat(1001) })).status).to.equal(422);
      expect((await put(token, buildPdf(), { name: 'x.pdf', baseRevision: 'one' })).status).to.equal(422);

      expect((await put(await s.admin.bearer(), buildPdf())).status).to.equal(403);
      expect((await put(await (await s.createStaff()).bearer(), buildPdf())).status).to.equal(403);
      expect((await put(await (await s.createDelegate('MEX')).bearer(), buildPdf())).status).to.equal(403);
      // Another Member State's delegate reaches only their own overview: none is written yet.
      const fraToken = await (await s.createDelegate('FRA')).bearer();
      expect((await request(app).get(`/api/v1/events/${eventId}/overview`).set('Authorization', fraToken)).body).to.include({ id: null, attachment: null });
      const fra = await put(fraToken, buildPdf());
      expect(fra.status).to.equal(422);
      expect(fra.body.error.fields[0].message).to.equal('Save your overview before attaching a file to it.');
      expect((await request(app).put(`/api/v1/events/${eventId}/overview/attachment`).set('Content-Type', 'application/pdf').send(buildPdf())).status).to.equal(401);
      ctx.clock.set('2026-12-16T00:00:00Z');
      expect((await put(token, buildPdf())).status).to.equal(409);
      expect(await state()).to.deep.equal(before);
      expect(await ctx.db('overview_attachments').count({ n: '*' }).first().then((r) => Number(r?.n))).to.equal(0);
    });
  });
});
