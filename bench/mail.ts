// Mail benchmark (npm run bench:mail):
//   1. Queueing: opening a survey with 200 Member States x 3 active delegates queues 600 opening
//      notices, rendered in each delegate's language, in the opening's transaction. Measured: the
//      opening with its notices, against the same opening with no delegate (the baseline), over
//      several runs (median); the difference is the time queueing takes (target: under 1 s).
//   2. Delivery: the worker sends those 600 messages through a pooled SMTP transport to an SMTP
//      server in this process, recording each reply in the outbox. Measured: messages per second
//      (target: at least 100), against the same transport sending the same messages without the
//      outbox (the baseline: what the SMTP exchange alone allows here).
//
//   npm run bench:mail [-- --runs 5] [--pg] [--connections 10]
//
// SQLite in a temporary folder, or with --pg a schema of its own in the PostgreSQL database of
// DATABASE_URL (postgres://postgres@127.0.0.1:5432/test by default), dropped afterwards. The SMTP
// server listens on 127.0.0.1 only. Bounded in time; removes what it made.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { loadConfig, type Config } from '../server/config.js';
import { Database } from '../server/data/database.js';
import { systemClock } from '../server/domain/clock.js';
import type { Actor, Deps } from '../server/domain/deps.js';
import { MailWorker, smtpTransport } from '../server/domain/mail/worker.js';
import { createSurvey } from '../server/domain/surveys/authoring.js';
import { openSurvey } from '../server/domain/surveys/lifecycle.js';
import { currentSurveyInput } from '../db/seeds/demo-content.js';
import { bounded } from './bounded.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, pg: { type: 'boolean', default: false }, connections: { type: 'string', default: '10' } },
});
const RUNS = Math.max(1, Number(args.runs));
const CONNECTIONS = Math.max(1, Number(args.connections));
const STATES = 200;
const DELEGATES_PER_STATE = 3;
const LANGS = ['en', 'fr', 'es'] as const;

const limits = bounded(10 * 60 * 1000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function openDatabase(): Promise<{ config: Config; db: Database }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cb-bench-mail-'));
  limits.add(async () => rmSync(dataDir, { recursive: true, force: true }));
  const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const config = loadConfig({
    NODE_ENV: 'production', DATA_DIR: dataDir, SESSION_SECRET: 'bench-secret-that-is-long-enough-0123456789', BASE_URL: 'https://ballots.example.org',
    ...(args.pg ? { DATABASE_URL: pgUrl } : {}),
  });
  if (config.database.client === 'pg') {
    const schema = `bench_mail_${randomBytes(4).toString('hex')}`;
    const admin = await Database.open(config.database);
    await admin.writer.raw(`create schema ${schema}`);
    await admin.close();
    limits.add(async () => {
      const again = await Database.open(config.database);
      await again.writer.raw(`drop schema ${schema} cascade`);
      await again.close();
    });
    const db = await Database.open(config.database, { searchPath: schema });
    limits.add(() => db.close());
    await db.migrateToLatest();
    return { config, db };
  }
  const db = await Database.open(config.database);
  limits.add(() => db.close());
  await db.migrateToLatest();
  return { config, db };
}

/** 200 Member States and, with `delegates`, 3 active delegates each in the three languages, written straight in. */
async function seed(db: Database, prefix: string, delegates: boolean): Promise<void> {
  const now = new Date().toISOString();
  const states = Array.from({ length: STATES }, (_, i) => ({
    iso3: `${prefix}${i.toString(36).toUpperCase().padStart(2, '0')}`, name_en: `State ${i}`, name_fr: `État ${i}`, name_es: `Estado ${i}`,
    status: 'member', created_at: now, updated_at: now,
  }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < states.length; i += 100) await tx.knex('member_states').insert(states.slice(i, i + 100));
    if (!delegates) return;
    const ids = await tx.knex('member_states').whereIn('iso3', states.map((s) => s.iso3)).pluck('id');
    const users = ids.flatMap((id: number, i: number) => Array.from({ length: DELEGATES_PER_STATE }, (_, k) => ({
      email: `d${k}.${prefix.toLowerCase()}${i}@mission.example.org`, display_name: `Delegate ${k} of ${i}`, role: 'delegate', member_state_id: id,
      language: LANGS[(i + k) % 3], password_hash: null, is_disabled: false, created_at: now, updated_at: now,
    })));
    for (let i = 0; i < users.length; i += 100) await tx.knex('users').insert(users.slice(i, i + 100));
  });
}

async function timeOpening(deps: Deps, admin: Actor): Promise<number> {
  const closesAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const survey = await createSurvey(deps, admin, currentSurveyInput(closesAt));
  const start = performance.now();
  await openSurvey(deps, admin, survey.id);
  return performance.now() - start;
}

async function startSmtpServer(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => { received += 1; callback(null, 'Queued'); });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function main(): Promise<void> {
  const { config, db } = await openDatabase();
  const smtp = await startSmtpServer();
  limits.add(() => smtp.close());
  const mailConfig = { ...config.mail, smtpUrl: smtp.url, ratePerSecond: 10_000 };
  const deps: Deps = { db, clock: systemClock, config: { ...config, mail: mailConfig } };
  const admin: Actor = { userId: 0, email: 'bench@example.org', role: 'admin', memberStateId: null, memberStateIso3: null };
  const adminId = (await db.transaction((tx) => tx.knex('users').insert({
    email: admin.email, display_name: 'Bench', role: 'admin', member_state_id: null, language: 'en', password_hash: null, is_disabled: false,
    created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
  }).returning('id')))[0];
  const actor: Actor = { ...admin, userId: typeof adminId === 'object' ? Number(adminId.id) : Number(adminId) };

  console.log(`Mail benchmark on ${db.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${STATES} Member States x ${DELEGATES_PER_STATE} delegates, ${RUNS} runs, Node ${process.version}, ${os.cpus().length} cores`);

  // 1. Queueing. The baseline: the same opening while the Member States have no delegate.
  await seed(db, 'B', false);
  const baseline: number[] = [];
  for (let r = 0; r < RUNS; r++) baseline.push(await timeOpening(deps, actor));
  await seed(db, 'Q', true);
  const withNotices: number[] = [];
  for (let r = 0; r < RUNS; r++) withNotices.push(await timeOpening(deps, actor));
  const queued = Number((await db.writer('outbox_messages').count({ n: '*' }))[0]!.n);
  const perOpening = queued / RUNS;
  const baseMs = median(baseline);
  const fullMs = median(withNotices);
  console.log('');
  console.log(`Queueing the opening notice (${perOpening} messages per opening)`);
  console.log(`  opening without delegates (baseline): ${baseMs.toFixed(1)} ms (median)`);
  console.log(`  opening with its ${perOpening} notices:      ${fullMs.toFixed(1)} ms (median; runs ${withNotices.map((v) => v.toFixed(0)).join(', ')} ms)`);
  console.log(`  time to queue:                        ${(fullMs - baseMs).toFixed(1)} ms, ${((fullMs - baseMs) / perOpening).toFixed(2)} ms a message (target: under 1000 ms)`);

  // 2. Delivery of one opening's notices through the worker. The rest stay queued: only the newest
  //    opening's messages are due (the others are pushed into the future).
  const ids: number[] = await db.writer('outbox_messages').orderBy('id', 'desc').limit(perOpening).pluck('id');
  await db.transaction((tx) => tx.knex('outbox_messages').whereNotIn('id', ids).update({ next_attempt_at: '9999-12-31T00:00:00.000Z' }));
  const worker = new MailWorker(deps, smtpTransport(mailConfig, { maxConnections: CONNECTIONS }), { batchSize: 200, schedule: false });
  limits.add(() => worker.stop());
  const start = performance.now();
  let sent = 0;
  for (;;) {
    const report = await worker.deliver();
    sent += report.sent;
    if (report.claimed === 0) break;
  }
  const deliveryS = (performance.now() - start) / 1000;
  const failedOrQueued = Number((await db.writer('outbox_messages').whereIn('id', ids).whereNot({ status: 'sent' }).count({ n: '*' }))[0]!.n);

  // Baseline: the same messages through the same kind of transport, with no outbox around it.
  const rows = await db.writer('outbox_messages').whereIn('id', ids).select('recipient', 'subject', 'text_body', 'html_body', 'message_id');
  const bare = smtpTransport(mailConfig, { maxConnections: CONNECTIONS });
  const bareStart = performance.now();
  await Promise.all(rows.map((r) => bare.send({ from: mailConfig.from, to: r.recipient, subject: r.subject, text: r.text_body, html: r.html_body, messageId: r.message_id })));
  const bareS = (performance.now() - bareStart) / 1000;
  bare.close();
  console.log('');
  console.log(`Delivery to an SMTP server in this process (${CONNECTIONS} pooled connections)`);
  console.log(`  transport alone (baseline):   ${(rows.length / bareS).toFixed(0)} messages/s (${rows.length} in ${bareS.toFixed(2)} s)`);
  console.log(`  worker, outbox recorded:      ${(sent / deliveryS).toFixed(0)} messages/s (${sent} in ${deliveryS.toFixed(2)} s; ${failedOrQueued} not sent) (target: at least 100)`);
  console.log(`  SMTP server received:         ${smtp.received()} messages in all`);
  await limits.finish();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await limits.cleanUp();
  process.exit(1);
});
