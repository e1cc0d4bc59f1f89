import { expect } from 'chai';
import type { Knex } from 'knex';
import { isPostgres } from '../../server/data/connection.js';
import { inGroupedTransaction } from '../../server/data/grouped-transactions.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

describe('data/grouped-transactions', () => {
  let ctx: TestContext;

  useFreshDatabase(async (c) => {
    ctx = c;
    await ctx.db.schema.createTable('scratch_rows', (t) => {
      t.increments('id');
      t.string('name').notNullable().unique();
    });
  });

  const names = async () => (await ctx.db('scratch_rows').orderBy('name').pluck('name')).map(String);
  const insert = (name: string) => (trx: Knex.Transaction) => trx('scratch_rows').insert({ name }).then(() => name);

  it('runs works that arrive together and gives each its own result once committed', async () => {
    const begins: string[] = [];
    const record = (q: { sql: string }) => {
      if (/^begin/i.test(q.sql.trim())) begins.push(q.sql);
    };
    ctx.db.on('query', record);
    let results: string[];
    try {
      results = await Promise.all(Array.from({ length: 10 }, (_, i) => inGroupedTransaction(ctx.db, insert(`row ${i}`))));
    } finally {
      ctx.db.off('query', record);
    }
    expect(results).to.deep.equal(Array.from({ length: 10 }, (_, i) => `row ${i}`));
    expect(await names()).to.have.length(10);
    // SQLite's one writer takes them in fewer transactions than works; PostgreSQL in one each.
    if (isPostgres(ctx.db)) expect(begins.length).to.be.at.most(10);
    else expect(begins.length).to.be.below(10);
  });

  it('answers a work only after its rows can be read from another connection', async () => {
    const reader = ctx.deps.readDb ?? ctx.db;
    const seen = await Promise.all(['a', 'b', 'c'].map(async (name) => {
      await inGroupedTransaction(ctx.db, insert(name));
      return (await reader('scratch_rows').where({ name }).first()) !== undefined;
    }));
    expect(seen).to.deep.equal([true, true, true]);
  });

  it('keeps every other work of a group when one fails, and nothing of the one that failed', async () => {
    const failing = async (trx: Knex.Transaction) => {
      await trx('scratch_rows').insert({ name: 'half-written' });
      throw new Error('refused');
    };
    const results = await Promise.allSettled([
      inGroupedTransaction(ctx.db, insert('first')),
      inGroupedTransaction(ctx.db, insert('second')),
      inGroupedTransaction(ctx.db, failing),
      inGroupedTransaction(ctx.db, insert('third')),
      // A unique-key violation fails inside the database, not in the work's own code.
      inGroupedTransaction(ctx.db, insert('second')),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).to.have.property('message', 'refused');
    expect(await names()).to.deep.equal(['first', 'second', 'third']);
  });
});
