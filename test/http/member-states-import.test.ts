import { expect } from 'chai';
import { createTestMemberState } from '../helpers/accounts.js';
import { csrfFrom, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';

async function upload(agent: Agent, csv: string | Buffer) {
  const page = await agent.get('/admin/member-states/import');
  const bytes = typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv;
  return agent.post('/admin/member-states/import').field('_csrf', csrfFrom(page.text)).attach('file', bytes, { filename: 'states.csv', contentType: 'text/csv' });
}

/** The page's text without tags, entities of quotes decoded, spaces collapsed. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('Member State CSV import', () => {
  let ctx: TestContext;
  let agent: Agent;
  useSignedIn({}, async (s) => {
    ({ ctx } = s);
    agent = await s.admin.agent();
  });

  it('creates new Member States and updates existing ones by code, with a byte-order mark and accents', async () => {
    await createTestMemberState(ctx.deps, 'FRA');
    const csv = '\uFEFFiso3,name_en,name_fr,name_es,status\nfra,France,France,Francia,member\nCIV,Côte d’Ivoire,Côte d’Ivoire,Côte d’Ivoire,member\nVAT,"Holy See","Saint-Siège","Santa Sede",observer\n';
    const res = await upload(agent, csv);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('2 created, 1 updated, 0 unchanged, 0 rejected');
    const vat = await ctx.db('member_states').where({ iso3: 'VAT' }).first();
    expect(vat).to.include({ name_fr: 'Saint-Siège', status: 'observer' });
    expect((await ctx.db('member_states').where({ iso3: 'FRA' }).first()).name_es).to.equal('Francia');
    const audit = await ctx.db('audit_entries').where({ action: 'member-state.import' }).first();
    expect(JSON.parse(audit.details)).to.include({ created: 2, updated: 1, rejected: 0 });
  });

  it('writes nothing from a malformed file and says why', async () => {
    const res = await upload(agent, 'iso3,name_en,name_fr,name_es,status\nFRA,"France,France,Francia,member\n');
    expect(res.status).to.equal(422);
    expect(textOf(res.text)).to.contain('A double quote is never closed: the file ends inside a quoted cell, at line 2 (read with “,” between columns, as UTF-8).').and.contain('Nothing was written.');
    const ragged2 = await upload(agent, 'iso3;name_en;name_fr;name_es;status\r\nPER;Peru;Pérou, Perú;member\r\n');
    expect(textOf(ragged2.text)).to.contain('Line 2 has 4 cells but the header has 5 (read with “;” between columns, as UTF-8)');
    const missing = await upload(agent, 'iso3,name_en,status\nFRA,France,member\n');
    expect(missing.status).to.equal(422);
    expect(missing.text).to.contain('lacks the columns: name_fr, name_es');
    const ragged = await upload(agent, 'iso3,name_en,name_fr,name_es,status\nFRA,France,France\n');
    expect(ragged.status).to.equal(422);
    expect(await ctx.db('member_states').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
  });

  it('imports the good rows of a partly bad file and reports each rejected row with its line and reason', async () => {
    const csv = [
      'iso3,name_en,name_fr,name_es,status',
      'DEU,Germany,Allemagne,Alemania,member',
      'XX,Nowhere,Nulle part,Ninguna,member',
      'ESP,Spain,Espagne,España,voter',
      'DEU,Germany again,Allemagne,Alemania,member',
      'ITA,,Italie,Italia,member',
      'PRT,Portugal,Portugal,Portugal,member',
    ].join('\n');
    const res = await upload(agent, csv);
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('2 created, 0 updated, 0 unchanged, 4 rejected');
    for (const fragment of ['<td>3</td><td>XX</td>', 'three letters', '<td>4</td><td>ESP</td>', 'member or observer', '<td>5</td><td>DEU</td>', 'appears earlier', '<td>6</td><td>ITA</td>', 'required']) {
      expect(res.text).to.contain(fragment);
    }
    const codes = (await ctx.db('member_states').orderBy('iso3')).map((r: { iso3: string }) => r.iso3);
    expect(codes).to.deep.equal(['DEU', 'PRT']);
  });

  it('reads a semicolon file as a spreadsheet set to French saves it: Windows-1252, CRLF, no byte-order mark', async () => {
    const csv = 'iso3;name_en;name_fr;name_es;status\r\nCIV;Côte d\'Ivoire;Côte d\'Ivoire;Côte d\'Ivoire;member\r\nPER;Peru;Pérou;"Perú; República del";member\r\n';
    const res = await upload(agent, Buffer.from(csv, 'latin1'));
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('2 created, 0 updated, 0 unchanged, 0 rejected');
    expect(await ctx.db('member_states').where({ iso3: 'PER' }).first()).to.include({ name_fr: 'Pérou', name_es: 'Perú; República del' });
    expect((await ctx.db('member_states').where({ iso3: 'CIV' }).first()).name_fr).to.equal("Côte d'Ivoire");
  });

  it('reads a UTF-8 semicolon file with a byte-order mark and CRLF, as the exports write them', async () => {
    const res = await upload(agent, '\uFEFFiso3;name_en;name_fr;name_es;status\r\nMEX;Mexico;Mexique;México;member\r\n');
    expect(res.status).to.equal(200);
    expect((await ctx.db('member_states').where({ iso3: 'MEX' }).first()).name_es).to.equal('México');
  });

  it('names the separator, the encoding and the header it read when a file cannot be read, in the reader’s language', async () => {
    const tabs = await upload(agent, 'iso3\tname_en\tname_fr\tname_es\tstatus\nMEX\tMexico\tMexique\tMéxico\tmember\n');
    expect(tabs.status).to.equal(422);
    expect(textOf(tabs.text)).to.contain('It was read with “,” between columns, as UTF-8, and its first line holds: iso3 name_en name_fr');
    await agent.post('/language').type('form').send({ _csrf: csrfFrom((await agent.get('/admin/member-states/import')).text), lang: 'fr', next: '/admin/member-states/import' });
    const malformed = await upload(agent, Buffer.from('iso3;name_en;name_fr;name_es;status\r\nPER;Peru;"Pérou;Perú;member\r\n', 'latin1'));
    expect(malformed.status).to.equal(422);
    expect(textOf(malformed.text)).to.contain('lu avec « ; » entre les colonnes, en Windows-1252');
    expect(await ctx.db('member_states').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
  });

  it('asks for a file when none is sent', async () => {
    const page = await agent.get('/admin/member-states/import');
    const res = await agent.post('/admin/member-states/import').field('_csrf', csrfFrom(page.text));
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Choose a CSV file to import.');
  });
});
