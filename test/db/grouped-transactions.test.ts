import { expect } from 'chai';
import type { Tx } from '../../server/data/database.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

describe('data/database: grouped transactions', () => {
  let ctx: TestContext;

  useFreshDatabase(async (c) => {
    ctx = c;
    await ctx.db.schema.createTable('scratch_rows', (t) => {
      t.increments('id');
      t.string('name').notNullable().unique();
    });
  });

  const names = async () => (await ctx.db('scratch_rows').orderBy('name').pluck('name')).map(String);
  const insert = (name: string) => (tx: Tx) => tx.knex('scratch_rows').insert({ name }).then(() => name);

  it('runs works that arrive together and gives each its own result once committed', async () => {
    const begins: string[] = [];
    const record = (q: { sql: string }) => {
      if (/^begin/i.test(q.sql.trim())) begins.push(q.sql);
    };
    ctx.db.on('query', record);
    let results: string[];
    try {
      results = await Promise.all(Array.from({ length: 10 }, (_, i) => ctx.database.groupedTransaction(insert(`row ${i}`))));
    } finally {
      ctx.db.off('query', record);
    }
    expect(results).to.deep.equal(Array.from({ length: 10 }, (_, i) => `row ${i}`));
    expect(await names()).to.have.length(10);
    // SQLite's one writer takes them in fewer transactions than works; PostgreSQL in one each.
    if (ctx.database.engine === 'postgres') expect(begins.length).to.be.at.most(10);
    else expect(begins.length).to.be.below(10);
  });

  it('answers a work only after its rows can be read from another connection', async () => {
    const reader = ctx.database.readers;
    const seen = await Promise.all(['a', 'b', 'c'].map(async (name) => {
      await ctx.database.groupedTransaction(insert(name));
      return (await reader('scratch_rows').where({ name }).first()) !== undefined;
    }));
    expect(seen).to.deep.equal([true, true, true]);
  });

  it('keeps every other work of a group when one fails, and nothing of the one that failed', async () => {
    const failing = async (tx: Tx) => {
      await tx.knex('scratch_rows').insert({ name: 'half-written' });
      throw new Error('refused');
    };
    const results = await Promise.allSettled([
      ctx.database.groupedTransaction(insert('first')),
      ctx.database.groupedTransaction(insert('second')),
      ctx.database.groupedTransaction(failing),
      ctx.database.groupedTransaction(insert('third')),
      // A unique-key violation fails inside the database, not in the work's own code.
      ctx.database.groupedTransaction(insert('second')),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).to.have.property('message', 'refused');
    expect(await names()).to.deep.equal(['first', 'second', 'third']);
  });
});
