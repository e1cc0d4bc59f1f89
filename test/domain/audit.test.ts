import { expect } from 'chai';
import { Database } from '../../server/data/database.js';
import { appendAuditEntry, verifyAuditChain, type AuditEvent } from '../../server/domain/audit.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

describe('domain/audit', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
    for (let i = 1; i <= 5; i++) {
      await ctx.database.transaction((tx) => appendAuditEntry(ctx.deps, tx, {
        actorUserId: null, actorLabel: 'system', action: 'test.entry', subjectType: 'test', subjectId: i, details: { i },
      }));
    }
  });
  afterEach(() => ctx.close());

  it('chains every entry to the one before, and the chain verifies', async () => {
    const rows = await ctx.db('audit_entries').orderBy('seq');
    expect(rows.map((r: { seq: number }) => Number(r.seq))).to.deep.equal([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).to.equal(rows[i - 1].hash);
    expect(await verifyAuditChain(ctx.deps)).to.deep.equal({ ok: true, entries: 5, brokenAt: null });
  });

  it('finds an entry whose content was changed', async () => {
    await ctx.db('audit_entries').where({ seq: 3 }).update({ details: JSON.stringify({ i: 99 }) });
    expect(await verifyAuditChain(ctx.deps)).to.deep.equal({ ok: false, entries: 2, brokenAt: 3 });
  });

  it('finds an entry taken out of the middle, and entries taken off the end', async () => {
    await ctx.db('audit_entries').where({ seq: 5 }).del();
    expect((await verifyAuditChain(ctx.deps)).ok).to.equal(false);
    await ctx.db('audit_entries').where({ seq: 2 }).del();
    expect(await verifyAuditChain(ctx.deps)).to.include({ ok: false, brokenAt: 2 });
  });

  it('appends in order when many transactions write at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => ctx.database.transaction((tx) => appendAuditEntry(ctx.deps, tx, {
      actorUserId: null, actorLabel: 'system', action: 'test.parallel', subjectType: 'test', subjectId: i, details: {},
    }))));
    expect(await verifyAuditChain(ctx.deps)).to.deep.equal({ ok: true, entries: 25, brokenAt: null });
  });

  const entry = (i: number): AuditEvent => ({ actorUserId: null, actorLabel: 'system', action: 'test.more', subjectType: 'test', subjectId: i, details: { i } });

  it('keeps the chain whole after an append that was rolled back', async () => {
    const failed = await ctx.database.transaction(async (tx) => {
      await appendAuditEntry(ctx.deps, tx, entry(6));
      throw new Error('the change it recorded failed');
    }).catch((error: Error) => error.message);
    expect(failed).to.equal('the change it recorded failed');
    await ctx.database.transaction((tx) => appendAuditEntry(ctx.deps, tx, entry(7)));
    expect(await verifyAuditChain(ctx.deps)).to.deep.equal({ ok: true, entries: 6, brokenAt: null });
  });

  it('keeps the chain whole when another process appends between two of ours', async () => {
    // Another process (the operator's command line, another instance) with its own connections.
    const other = await Database.open(ctx.config.database, ctx.db.client.config.searchPath ? { searchPath: String(ctx.db.client.config.searchPath) } : {});
    try {
      await other.transaction((tx) => appendAuditEntry(ctx.deps, tx, entry(6)));
      await ctx.database.transaction((tx) => appendAuditEntry(ctx.deps, tx, entry(7)));
      await other.transaction((tx) => appendAuditEntry(ctx.deps, tx, entry(8)));
      await ctx.database.transaction((tx) => appendAuditEntry(ctx.deps, tx, entry(9)));
    } finally {
      await other.close();
    }
    expect(await verifyAuditChain(ctx.deps)).to.deep.equal({ ok: true, entries: 9, brokenAt: null });
    const subjects = (await ctx.db('audit_entries').orderBy('seq').select('subject_id')).map((r: { subject_id: string }) => r.subject_id);
    expect(subjects.slice(5)).to.deep.equal(['6', '7', '8', '9']);
  });
});
