import type { Knex } from 'knex';
import { z } from 'zod';
import { connectionOf, isPostgres, rawRows, type Queryable, type Tx } from './database.js';
import { insertedId, jsonText, nullableWholeNumber, text, textOrEmpty, wholeNumber } from './row-schemas.js';

export const CHANNELS = ['web', 'api', 'paper', 'note-verbale'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A ballot's answer to one question, as stored in the answers JSON. */
const STORED_ANSWER = z.object({
  ranking: z.array(z.number()).readonly().optional(),
  abstain: z.boolean().optional(),
  comment: z.string().optional(),
});
export type StoredAnswer = Readonly<z.output<typeof STORED_ANSWER>>;

/** The answers column: each question's answer under the question's id. */
const ANSWERS = jsonText(z.record(z.string(), STORED_ANSWER).readonly());

const REVISION_ROW = z.object({
  ballot_id: wholeNumber, survey_id: wholeNumber, member_state_id: wholeNumber, iso3: text,
  ms_name_en: text, ms_name_fr: text, ms_name_es: text, revision: wholeNumber,
  submitted_by: nullableWholeNumber, submitted_by_label: text, submitted_at: text, channel: z.literal(CHANNELS), receipt: text,
  answers: ANSWERS, comments: textOrEmpty,
}).transform((r) => ({
  ballotId: r.ballot_id, surveyId: r.survey_id, memberStateId: r.member_state_id, memberStateIso3: r.iso3,
  memberStateNames: { en: r.ms_name_en, fr: r.ms_name_fr, es: r.ms_name_es },
  revision: r.revision, submittedBy: r.submitted_by, submittedByLabel: r.submitted_by_label,
  submittedAt: r.submitted_at, channel: r.channel, receipt: r.receipt, answers: r.answers, comments: r.comments,
}));

export type RevisionRow = Readonly<z.output<typeof REVISION_ROW>>;

type Row = Record<string, unknown>;

function toRevision(r: unknown): RevisionRow {
  return REVISION_ROW.parse(r);
}

function revisions(db: Knex) {
  return db('ballot_revisions as r')
    .join('ballots as b', 'b.id', 'r.ballot_id')
    .join('member_states as m', 'm.id', 'b.member_state_id')
    .select('r.*', 'b.survey_id', 'b.member_state_id', 'm.iso3', 'm.name_en as ms_name_en', 'm.name_fr as ms_name_fr', 'm.name_es as ms_name_es');
}

const BALLOT_ROW = z.object({ id: wholeNumber, current_revision: wholeNumber })
  .transform((r) => ({ id: r.id, currentRevision: r.current_revision }));

export async function findBallot(q: Queryable, surveyId: number, memberStateId: number): Promise<{ id: number; currentRevision: number } | undefined> {
  const db = connectionOf(q);
  const r = await db('ballots').where({ survey_id: surveyId, member_state_id: memberStateId }).first('id', 'current_revision');
  return r ? BALLOT_ROW.parse(r) : undefined;
}

export async function insertBallot(tx: Tx, surveyId: number, memberStateId: number, now: string): Promise<number> {
  const db = tx.knex;
  return insertedId(await db('ballots').insert({ survey_id: surveyId, member_state_id: memberStateId, current_revision: 1, updated_at: now }).returning('id'));
}

/**
 * The common case of a submission in one statement: moves the Member State's existing ballot to
 * its next revision (from `base` only, when given) while its survey takes ballots at `now`.
 * Undefined when nothing moved: no ballot yet, a stale base, or a survey that is not open.
 */
export async function advanceOpenBallot(tx: Tx, surveyId: number, memberStateId: number, base: number | undefined, now: string): Promise<{ id: number; revision: number } | undefined> {
  const db = tx.knex;
  const q = db('ballots').where({ survey_id: surveyId, member_state_id: memberStateId })
    .whereExists((open) => {
      open.select(db.raw('1')).from('surveys').where({ id: surveyId, status: 'open' })
        .andWhere((time) => time.whereNull('closes_at').orWhere('closes_at', '>', now));
    });
  if (base !== undefined) q.andWhere('current_revision', base);
  const [row] = await q.update({ current_revision: db.raw('current_revision + 1'), updated_at: now }).returning(['id', 'current_revision']);
  if (!row) return undefined;
  const moved = BALLOT_ROW.parse(row);
  return { id: moved.id, revision: moved.currentRevision };
}

export async function insertRevision(tx: Tx, row: {
  ballot_id: number; revision: number; submitted_by: number | null; submitted_by_label: string; submitted_at: string;
  channel: Channel; receipt: string; answers: string; comments: string;
}): Promise<void> {
  const db = tx.knex;
  await db('ballot_revisions').insert(row);
}

/**
 * Read at every view of a ballot page, so written out for rawRows. Its rows are parsed with the
 * same schema as those of `revisions`, so a column missing here fails at once, not later.
 */
const CURRENT_REVISION = `select r.*, b.survey_id, b.member_state_id, m.iso3, m.name_en as ms_name_en, m.name_fr as ms_name_fr, m.name_es as ms_name_es
  from ballot_revisions as r
  join ballots as b on b.id = r.ballot_id
  join member_states as m on m.id = b.member_state_id
  where b.survey_id = ? and b.member_state_id = ? and r.revision = b.current_revision
  limit 1`;

export async function findCurrentRevision(q: Queryable, surveyId: number, memberStateId: number): Promise<RevisionRow | undefined> {
  const [r] = await rawRows(q, CURRENT_REVISION, [surveyId, memberStateId]);
  return r ? toRevision(r) : undefined;
}

export async function findRevision(q: Queryable, ballotId: number, revision: number): Promise<RevisionRow | undefined> {
  const db = connectionOf(q);
  const r = await revisions(db).where({ 'r.ballot_id': ballotId, 'r.revision': revision }).first();
  return r ? toRevision(r) : undefined;
}

export async function listRevisions(q: Queryable, surveyId: number, memberStateId: number): Promise<RevisionRow[]> {
  const db = connectionOf(q);
  return (await revisions(db).where({ 'b.survey_id': surveyId, 'b.member_state_id': memberStateId }).orderBy('r.revision', 'desc')).map(toRevision);
}

export async function findRevisionByReceipt(q: Queryable, receipt: string): Promise<(RevisionRow & { isCurrent: boolean }) | undefined> {
  const db = connectionOf(q);
  const r = await revisions(db).select('b.current_revision').where({ 'r.receipt': receipt }).first();
  if (!r) return undefined;
  const revision = toRevision(r);
  return { ...revision, isCurrent: wholeNumber.parse(r.current_revision) === revision.revision };
}

/** The current revision of every ballot of a survey, in Member State order. */
export async function listCurrentRevisions(q: Queryable, surveyId: number): Promise<RevisionRow[]> {
  const db = connectionOf(q);
  return (await revisions(db).where({ 'b.survey_id': surveyId }).whereRaw('r.revision = b.current_revision').orderBy('m.iso3')).map(toRevision);
}

/** A Member State's current revision in every survey where it has a ballot, in one query. */
export async function listCurrentRevisionsOfMemberState(q: Queryable, memberStateId: number): Promise<RevisionRow[]> {
  const db = connectionOf(q);
  return (await revisions(db).where({ 'b.member_state_id': memberStateId }).whereRaw('r.revision = b.current_revision')).map(toRevision);
}

/** Ballots at their current revisions, with their Member States: b, r and m. */
function ballotsAtCurrentRevision(db: Knex) {
  return db('ballots as b')
    .join('member_states as m', 'm.id', 'b.member_state_id')
    .join('ballot_revisions as r', function () {
      this.on('r.ballot_id', '=', 'b.id').andOn('r.revision', '=', 'b.current_revision');
    });
}

/** A survey's ballots at their current revisions, with their Member States: b, r and m. */
function currentRevisions(db: Knex, surveyId: number) {
  return ballotsAtCurrentRevision(db).where('b.survey_id', surveyId);
}

/**
 * How many Member States of status member have a ballot, per survey, counted by the database in
 * one query; surveys without one are left out.
 */
export async function countAnsweredMembersBySurvey(q: Queryable): Promise<Map<number, number>> {
  const db = connectionOf(q);
  const rows: Row[] = await ballotsAtCurrentRevision(db)
    .where('m.status', 'member')
    .groupBy('b.survey_id')
    .select('b.survey_id', db.raw('count(*) as answered'));
  return new Map(rows.map((r) => [Number(r.survey_id), Number(r.answered)]));
}

/**
 * What changes whenever a ballot of the survey is added or revised: how many ballots there are,
 * the sum of their current revision numbers and the latest change.
 */
export async function ballotsFingerprint(q: Queryable, surveyId: number): Promise<string> {
  const db = connectionOf(q);
  const row = await db('ballots').where({ survey_id: surveyId })
    .first(db.raw('count(*) as n'), db.raw('sum(current_revision) as revisions'), db.raw('max(updated_at) as last'));
  return `${Number(row?.n ?? 0)}/${Number(row?.revisions ?? 0)}/${String(row?.last ?? '')}`;
}

const CURRENT_REVISION_ROW = z.object({
  member_state_id: wholeNumber, iso3: text, name_en: text, revision: wholeNumber, submitted_at: text,
  channel: z.literal(CHANNELS), receipt: text, answers: ANSWERS, comments: textOrEmpty,
}).transform((r) => ({
  memberStateId: r.member_state_id, iso3: r.iso3, nameEn: r.name_en, revision: r.revision,
  submittedAt: r.submitted_at, channel: r.channel, receipt: r.receipt, answers: r.answers, comments: r.comments,
}));

export type CurrentRevisionRow = Readonly<z.output<typeof CURRENT_REVISION_ROW>>;

const PAGE = 5000;



/**
 * Every current revision of a survey in Member State order, read a page at a time (keyset on the
 * ISO code), so that memory stays flat however many ballots there are.
 */
export async function* iterateCurrentRevisions(q: Queryable, surveyId: number): AsyncGenerator<CurrentRevisionRow> {
  const db = connectionOf(q);
  let after = '';
  for (;;) {
    const rows: Row[] = await currentRevisions(db, surveyId)
      .andWhere('m.iso3', '>', after)
      .orderBy('m.iso3')
      .limit(PAGE)
      .select('b.member_state_id', 'm.iso3', 'm.name_en', 'r.revision', 'r.submitted_at', 'r.channel', 'r.receipt', 'r.answers', 'r.comments');
    let last: CurrentRevisionRow | undefined;
    for (const r of rows) yield (last = CURRENT_REVISION_ROW.parse(r));
    if (rows.length < PAGE || !last) return;
    after = last.iso3;
  }
}

const ANSWERS_GROUP_ROW = z.object({ answers_counted: ANSWERS, ballots: wholeNumber })
  .transform((r) => ({
    answers: r.answers_counted,
    /** How many current ballots gave these answers. */
    count: r.ballots,
  }));

export type AnswersGroup = Readonly<z.output<typeof ANSWERS_GROUP_ROW>>;

/**
 * The current answers of a survey's ballots, each distinct set once with the number of ballots
 * that gave it, in the order of the first Member State (by ISO code) to give it: the order in
 * which iterateCurrentRevisions meets them. The database does the grouping, so a count reads as
 * many rows as there are distinct answers. Comments to `questionIds` are left out, so that they do
 * not split identical rankings; only ballots that hold a comment pay for the JSON edit.
 */
export async function groupCurrentAnswers(q: Queryable, surveyId: number, questionIds: readonly number[]): Promise<AnswersGroup[]> {
  const db = connectionOf(q);
  const withoutComments = questionIds.length === 0
    ? db.raw('r.answers')
    : isPostgres(q)
      ? db.raw(`case when strpos(r.answers, '"comment"') > 0 then (r.answers::jsonb ${questionIds.map(() => '#- ?::text[]').join(' ')})::text else r.answers end`, questionIds.map((id) => `{${id},comment}`))
      : db.raw(`case when instr(r.answers, '"comment"') > 0 then json_remove(r.answers, ${questionIds.map(() => '?').join(', ')}) else r.answers end`, questionIds.map((id) => `$."${id}".comment`));
  const rows: Row[] = await currentRevisions(db, surveyId)
    .groupBy('answers_counted')
    .orderBy('first_iso3')
    .select(db.raw('? as answers_counted', [withoutComments]), db.raw('count(*) as ballots'), db.raw('min(m.iso3) as first_iso3'));
  return rows.map((r) => ANSWERS_GROUP_ROW.parse(r));
}

/**
 * Revisions per page of the ballots export: pages of 5,000 nearly doubled the export's heap (their
 * objects outlive the young generation's collections) for no gain in speed.
 */
const EXPORT_PAGE = 2000;

/**
 * What the ballots export writes of a current revision: ISO code, English name, revision, time,
 * channel, and the answers as stored (JSON text: the caller parses them faster than the database
 * would re-encode them).
 */
export type ExportedRevision = readonly [string, string, number, string, Channel, string];

/**
 * The current revisions of a survey for the ballots export, a page at a time in Member State
 * order (keyset on the ISO code), only the columns it writes. The database hands each page over
 * as one JSON array, which costs far less than a row object per revision. The next page is asked
 * for before this one is handed over, so that the database reads it while the caller writes.
 */
export async function* pagesOfCurrentRevisions(q: Queryable, surveyId: number): AsyncGenerator<readonly ExportedRevision[]> {
  const db = connectionOf(q);
  const page = async (after: string): Promise<string> => {
    const rows = currentRevisions(db, surveyId)
      .andWhere('m.iso3', '>', after)
      .orderBy('m.iso3')
      .limit(EXPORT_PAGE)
      .select('m.iso3', 'm.name_en', 'r.revision', 'r.submitted_at', 'r.channel', 'r.answers')
      .as('p');
    const [row] = await db.from(rows).select(isPostgres(q)
      ? db.raw('json_agg(json_build_array(p.iso3, p.name_en, p.revision, p.submitted_at, p.channel, p.answers) order by p.iso3)::text as page')
      : db.raw('json_group_array(json_array(p.iso3, p.name_en, p.revision, p.submitted_at, p.channel, p.answers) order by p.iso3) as page'));
    return row?.page == null ? '[]' : String(row.page);
  };
  let next = page('');
  for (;;) {
    // Parsed only now: the page read ahead waits as one string, not as many objects.
    const revisions = JSON.parse(await next) as ExportedRevision[];
    if (revisions.length < EXPORT_PAGE) {
      if (revisions.length > 0) yield revisions;
      return;
    }
    next = page(revisions[revisions.length - 1]![0]);
    // Should the caller stop early, a failure of the page asked for ahead is nobody's to report.
    next.catch(() => undefined);
    yield revisions;
  }
}
