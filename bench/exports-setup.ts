// The exports benchmark's fixtures: a survey whose Member States, ballots and revisions are written
// straight into the database with multi-row inserts in one transaction (the same columns, JSON
// answers, receipt codes and ISO times as the app writes), the rest through the domain functions;
// the real server as a child process with its pid, and memory read from /proc.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import type { Config } from '../server/config.js';
import { Database } from '../server/data/database.js';
import { createUser, loadActor } from '../server/domain/accounts.js';
import { createApiToken } from '../server/domain/api-tokens.js';
import type { Clock } from '../server/domain/clock.js';
import type { Actor, Deps } from '../server/domain/deps.js';
import { createSurvey } from '../server/domain/surveys/authoring.js';
import { closeSurvey, openSurvey } from '../server/domain/surveys/lifecycle.js';
import type { Survey } from '../server/domain/surveys/model.js';
import { createRng } from '../server/tally/rng.js';

export const ADMIN_EMAIL = 'admin@bench.example.org';
export const ADMIN_PASSWORD = 'bench-administrator-password';

/** One Member State's current answer to each question: option ids in order, or an abstention. */
export type SeedAnswer = { ranking: number[] } | { abstain: true };

export interface SeedPlan {
  readonly memberStates: number;
  readonly iso3: (i: number) => string;
  readonly surveyInput: (closesAt: string) => unknown;
  /** Answers of Member State i to the survey's questions (by question), drawn from `random`. */
  readonly answers: (survey: Survey, i: number, random: () => number) => Record<string, SeedAnswer>;
  /** Web ballots come from a delegate account of their own; the others are paper ballots entered by the administrator. */
  readonly webShare: number;
  /** Share of ballots revised once (the first revision kept, the second current). */
  readonly revisedShare: number;
  readonly seed: string;
}

export interface SeededSurvey {
  readonly surveyId: number;
  readonly ballots: number;
  readonly revisions: number;
  readonly adminToken: string;
  readonly seedSeconds: number;
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Receipt codes in the app's format (XXXX-XXXX-XXXX, 60 random bits), drawn in bulk, all distinct. */
function receiptCodes(count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const bytes = randomBytes(12 * (count - out.length));
    for (let k = 0; k + 12 <= bytes.length; k += 12) {
      let s = '';
      for (let j = 0; j < 12; j++) s += RECEIPT_ALPHABET[bytes[k + j]! & 31];
      const code = `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
      if (!seen.has(code)) {
        seen.add(code);
        out.push(code);
      }
    }
  }
  return out;
}

/**
 * Inserts rows with one prepared multi-row statement per chunk, chunks sized to the engine's limit
 * on bound parameters (32,766 in SQLite, 65,535 in PostgreSQL).
 */
async function bulkInsert(trx: Knex.Transaction, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sqlFor = new Map<number, string>();
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    let sql = sqlFor.get(chunk.length);
    if (!sql) {
      sql = head + Array.from({ length: chunk.length }, () => tuple).join(', ');
      sqlFor.set(chunk.length, sql);
    }
    await trx.raw(sql, chunk.flat() as Knex.ValueDict[keyof Knex.ValueDict][]);
  }
}

/** A clock the seeding moves by hand: the survey is opened, answered and closed in the past. */
function handClock(start: Date): Clock & { set(d: Date): void } {
  let now = start;
  return { now: () => new Date(now), set: (d) => { now = d; } };
}

/**
 * Member States, an administrator (password and API token), the survey opened through the domain
 * functions, then every ballot written directly, then the survey closed through the domain.
 */
export async function seedSurvey(db: Database, config: Config, plan: SeedPlan): Promise<SeededSurvey> {
  const started = performance.now();
  await db.migrateToLatest();
  const day = 24 * 3600 * 1000;
  const opensAt = new Date(Math.floor(Date.now() / day) * day - 30 * day);
  const closesAt = new Date(opensAt.getTime() + 21 * day);
  const clock = handClock(opensAt);
  const deps: Deps = { db, clock, config };
  const { user } = await createUser(deps, null, { email: ADMIN_EMAIL, displayName: 'Bench administrator', role: 'admin', language: 'en' }, ADMIN_PASSWORD);
  const admin = (await loadActor(deps, user.id)) as Actor;
  const { token } = await createApiToken(deps, admin, admin.userId);

  const iso = (t: Date) => t.toISOString();
  await db.writer.transaction(async (trx) => {
    const rows = Array.from({ length: plan.memberStates }, (_, i) => {
      const n = String(i + 1);
      return [plan.iso3(i), `Member State ${n}`, `État Membre ${n}`, `Estado Miembro ${n}`, 'member', iso(opensAt), iso(opensAt)];
    });
    await bulkInsert(trx, 'member_states', ['iso3', 'name_en', 'name_fr', 'name_es', 'status', 'created_at', 'updated_at'], rows);
  });
  const memberStateIds = (await db.readers('member_states').orderBy('id').select('id')).map((r) => Number(r.id));
  if (memberStateIds.length !== plan.memberStates) throw new Error(`${memberStateIds.length} Member States stored of ${plan.memberStates}`);

  const draft = await createSurvey(deps, admin, plan.surveyInput(iso(closesAt)));
  const survey = await openSurvey(deps, admin, draft.id, { overrideReason: 'Benchmark survey' });

  const random = (() => {
    const rng = createRng(plan.seed);
    return () => rng.nextUint32() / 2 ** 32;
  })();
  const webCount = Math.round(plan.memberStates * plan.webShare);
  const delegateIds: number[] = [];
  if (webCount > 0) {
    await db.writer.transaction(async (trx) => {
      const rows = memberStateIds.slice(0, webCount).map((id, i) => [
        `delegate.${plan.iso3(i).toLowerCase()}@bench.example.org`, `Delegate of ${plan.iso3(i)}`, 'delegate', id, 'en', null, false, iso(opensAt), iso(opensAt),
      ]);
      await bulkInsert(trx, 'users', ['email', 'display_name', 'role', 'member_state_id', 'language', 'password_hash', 'is_disabled', 'created_at', 'updated_at'], rows);
    });
    const byMemberState = new Map((await db.readers('users').where('role', 'delegate').select('id', 'member_state_id')).map((r) => [Number(r.member_state_id), Number(r.id)]));
    for (const id of memberStateIds.slice(0, webCount)) delegateIds.push(byMemberState.get(id)!);
  }

  // Submission times spread over the first 20 days; a revised ballot's second revision comes later.
  const span = 20 * day;
  const revisedEvery = plan.revisedShare > 0 ? Math.round(1 / plan.revisedShare) : 0;
  let revisions = 0;
  await db.writer.transaction(async (trx) => {
    const ballotRows = memberStateIds.map((id, i) => {
      const revised = revisedEvery > 0 && i % revisedEvery === 0;
      const at = new Date(opensAt.getTime() + Math.floor((i / plan.memberStates) * span) + (revised ? 3600_000 : 0));
      return [survey.id, id, revised ? 2 : 1, iso(at)];
    });
    await bulkInsert(trx, 'ballots', ['survey_id', 'member_state_id', 'current_revision', 'updated_at'], ballotRows);
    const ballotIds = new Map((await trx('ballots').where('survey_id', survey.id).select('id', 'member_state_id')).map((r) => [Number(r.member_state_id), Number(r.id)]));
    const revisionCount = ballotRows.reduce((n, b) => n + Number(b[2]), 0);
    const receipts = receiptCodes(revisionCount);
    const columns = ['ballot_id', 'revision', 'submitted_by', 'submitted_by_label', 'submitted_at', 'channel', 'receipt', 'answers', 'comments'];
    let batch: unknown[][] = [];
    for (const [i, id] of memberStateIds.entries()) {
      const web = i < webCount;
      const by = web ? delegateIds[i]! : admin.userId;
      const label = web ? `delegate.${plan.iso3(i).toLowerCase()}@bench.example.org` : ADMIN_EMAIL;
      const current = Number(ballotRows[i]![2]);
      for (let revision = 1; revision <= current; revision++) {
        const at = revision === current ? String(ballotRows[i]![3]) : iso(new Date(Date.parse(String(ballotRows[i]![3])) - 3600_000));
        const answers = plan.answers(survey, i, random);
        const comments = i % 50 === 7 ? `Comment from ${plan.iso3(i)}, revision ${revision}.` : '';
        batch.push([ballotIds.get(id)!, revision, by, label, at, web ? 'web' : 'paper', receipts[revisions++]!, JSON.stringify(answers), comments]);
      }
      if (batch.length >= 30_000) {
        await bulkInsert(trx, 'ballot_revisions', columns, batch);
        batch = [];
      }
    }
    await bulkInsert(trx, 'ballot_revisions', columns, batch);
  });

  clock.set(closesAt);
  await closeSurvey(deps, admin, survey.id);
  if (db.engine === 'sqlite') await db.writer.raw('analyze');
  return { surveyId: survey.id, ballots: memberStateIds.length, revisions, adminToken: token, seedSeconds: (performance.now() - started) / 1000 };
}

/** A seeded partial ranking of `ids`: each next choice uniform among those left; length 1 … n, short ones likelier. */
export function partialRanking(ids: readonly number[], random: () => number): number[] {
  let length = 1;
  while (length < ids.length && random() < 0.7) length++;
  const left = [...ids];
  const out: number[] = [];
  for (let k = 0; k < length; k++) out.push(left.splice(Math.floor(random() * left.length), 1)[0]!);
  return out;
}

/** Resident memory of a process in bytes, from /proc; null where /proc is not available. */
export function rssOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc; 0 where it is not available. */
export function cpuTimeOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After "pid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 a second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Samples a process's resident memory every few milliseconds until stopped; returns the peak. */
export function sampleRss(read: () => number | null, everyMs = 10): { stop(): number } {
  let peak = read() ?? 0;
  const timer = setInterval(() => { peak = Math.max(peak, read() ?? 0); }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, read() ?? 0);
    },
  };
}

export { startServer as startServerProcess, type RunningServer as ServerProcess } from './load-setup.js';
