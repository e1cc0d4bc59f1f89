// One in-process run of the ballots export for the exports benchmark, in a process of its own so
// that its memory is the export's alone: prepareExport(..., 'ballots', {}) streamed into a Writable
// that counts bytes and rows, resident memory sampled meanwhile; prints one line of JSON.
//
//   node --expose-gc --import=tsx bench/exports-run.ts DATA_DIR SURVEY_ID [DATABASE_URL]
import { Writable } from 'node:stream';
import { loadConfig } from '../server/config.js';
import { Database } from '../server/data/database.js';
import { loadActor } from '../server/domain/accounts.js';
import { systemClock } from '../server/domain/clock.js';
import type { Actor, Deps } from '../server/domain/deps.js';
import { prepareExport } from '../server/domain/exports/index.js';
import { ADMIN_EMAIL, sampleRss } from './exports-setup.js';

async function main(): Promise<void> {
  const [dataDir, surveyId, databaseUrl] = process.argv.slice(2);
  if (!dataDir || !surveyId) throw new Error('usage: exports-run.ts DATA_DIR SURVEY_ID [DATABASE_URL]');
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(32), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const db = await Database.open(config.database);
  try {
    const deps: Deps = { db, clock: systemClock, config };
    const row = await db.readers('users').where({ email: ADMIN_EMAIL }).first('id');
    const admin = (await loadActor(deps, Number(row.id))) as Actor;
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage.rss();
    let bytes = 0;
    let lines = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        done();
      },
    });
    const sampler = sampleRss(() => process.memoryUsage.rss());
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const file = await prepareExport(deps, admin, Number(surveyId), 'ballots', {});
    const written = await file.write(sink);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const peakRss = sampler.stop();
    process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: written.rows, lines, bytes, peakRss, rssBefore })}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
