import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.js';
import { Database } from '../../server/data/database.js';
import { findSurvey } from '../../server/data/surveys.js';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { createTestUser } from '../helpers/accounts.js';
import { buildClock } from '../helpers/context.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'unused', SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789' });

async function inMemory(): Promise<{ deps: Deps; admin: Actor }> {
  const db = await Database.open({ client: 'sqlite3', filename: ':memory:' });
  await db.migrateToLatest();
  const deps: Deps = { db, clock: buildClock(), config };
  return { deps, admin: actorOf(await createTestUser(deps, 'admin')) };
}

describe('data/database: one handle per database', () => {
  const opened: Database[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  it('keeps each database\'s cached survey content apart, even two in-memory databases with the same ids', async () => {
    const a = await inMemory();
    const b = await inMemory();
    opened.push(a.deps.db, b.deps.db);
    const inA = await createTestSurvey(a.deps, a.admin);
    const inB = await createTestSurvey(b.deps, b.admin, { title: { en: 'Another survey', fr: 'Une autre', es: 'Otra' }, questions: [{ title: { en: 'Only question', fr: 'Seule question', es: 'Única pregunta' }, seats: 1, options: [{ label: 'X', title: { en: 'X', fr: 'X', es: 'X' } }, { label: 'Y', title: { en: 'Y', fr: 'Y', es: 'Y' } }] }] });
    expect(inA.id).to.equal(inB.id);
    expect((await findSurvey(a.deps.db, inA.id))!.questions).to.have.length(2);
    expect((await findSurvey(b.deps.db, inB.id))!.questions.map((q) => q.title.en)).to.deep.equal(['Only question']);
    expect((await findSurvey(a.deps.db, inA.id))!.questions).to.have.length(2);
  });

  it('reads the questions again after its caches are cleared, and only then', async () => {
    const { deps, admin } = await inMemory();
    opened.push(deps.db);
    const survey = await createTestSurvey(deps, admin);
    const queries = async () => {
      let n = 0;
      const stop = deps.db.watchQueries(() => { n += 1; });
      try {
        await findSurvey(deps.db, survey.id);
      } finally {
        stop();
      }
      return n;
    };
    const first = await queries();
    expect(await queries()).to.equal(1);
    deps.db.clearCaches();
    expect(await queries()).to.equal(first);
  });

  it('refuses a write outside a transaction on SQLite\'s read-only connections', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-db-'));
    const db = await Database.open({ client: 'sqlite3', filename: path.join(dir, 'app.sqlite3') });
    try {
      await db.migrateToLatest();
      const error = await db.readers('content_version').update({ version: 99 }).then(() => null, (e: Error) => e);
      expect(error?.message).to.match(/readonly|read-only|query_only/i);
      await db.transaction((tx) => tx.knex('content_version').update({ version: 99 }));
      expect(Number((await db.readers('content_version').first('version'))?.version)).to.equal(99);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a SQLite transaction that reads before it writes wait for another process\'s write instead of failing at once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-db-'));
    const file = path.join(dir, 'app.sqlite3');
    // Two Database handles on one file, as the server and the operator's command line are.
    const server = await Database.open({ client: 'sqlite3', filename: file });
    const command = await Database.open({ client: 'sqlite3', filename: file });
    try {
      await server.migrateToLatest();
      let release!: () => void;
      const held = new Promise<void>((resolve) => { release = resolve; });
      let started!: () => void;
      const writing = new Promise<void>((resolve) => { started = resolve; });
      const first = server.transaction(async (tx) => {
        await tx.knex('content_version').update({ version: 5 });
        started();
        await held;
      });
      await writing;
      // The other handle reads, then writes, while the first holds the write lock and commits.
      const second = command.transaction(async (tx) => {
        const before = Number((await tx.knex('content_version').first('version'))?.version);
        await tx.knex('content_version').update({ version: before + 1 });
        return before;
      });
      setTimeout(release, 200);
      await first;
      expect(await second).to.equal(5);
      expect(Number((await server.readers('content_version').first('version'))?.version)).to.equal(6);
    } finally {
      await command.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
