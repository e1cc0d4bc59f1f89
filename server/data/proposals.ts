import type { Knex } from 'knex';
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.js';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { insertedId, nullableText, nullableWholeNumber, text, textOrEmpty, wholeNumber } from './row-schemas.js';

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A proposal with its question's survey, its Member State's code and names and who submitted it, as select gives it. */
const PROPOSAL_ROW = z.object({
  id: wholeNumber, question_id: wholeNumber, survey_id: wholeNumber, member_state_id: wholeNumber, iso3: text,
  ms_name_en: text, ms_name_fr: text, ms_name_es: text, submitted_by_email: nullableText, language: z.literal(LANGUAGES), title: text, description: textOrEmpty,
  status: z.literal(PROPOSAL_STATUSES), reason: nullableText, decided_at: nullableText, option_id: nullableWholeNumber, created_at: text,
}).transform((r) => ({
  id: r.id, questionId: r.question_id, surveyId: r.survey_id, memberStateId: r.member_state_id,
  memberStateIso3: r.iso3, memberStateNames: { en: r.ms_name_en, fr: r.ms_name_fr, es: r.ms_name_es }, submittedByLabel: r.submitted_by_email, language: r.language,
  title: r.title, description: r.description, status: r.status, reason: r.reason,
  decidedAt: r.decided_at, optionId: r.option_id, createdAt: r.created_at,
}));

export type ProposalRow = Readonly<z.output<typeof PROPOSAL_ROW>>;

type Row = Record<string, unknown>;

function select(db: Knex) {
  return db('proposals as p')
    .join('questions as q', 'q.id', 'p.question_id')
    .join('member_states as m', 'm.id', 'p.member_state_id')
    .leftJoin('users as u', 'u.id', 'p.submitted_by')
    .select('p.*', 'q.survey_id', 'm.iso3', 'm.name_en as ms_name_en', 'm.name_fr as ms_name_fr', 'm.name_es as ms_name_es', 'u.email as submitted_by_email');
}

function toProposal(r: unknown): ProposalRow {
  return PROPOSAL_ROW.parse(r);
}

export async function insertProposal(tx: Tx, row: Row): Promise<number> {
  const db = tx.knex;
  return insertedId(await db('proposals').insert(row).returning('id'));
}

export async function findProposal(q: Queryable, id: number): Promise<ProposalRow | undefined> {
  const db = connectionOf(q);
  const r = await select(db).where('p.id', id).first();
  return r ? toProposal(r) : undefined;
}

export async function listProposals(q: Queryable, surveyId: number, memberStateId?: number): Promise<ProposalRow[]> {
  const db = connectionOf(q);
  const query = select(db).where('q.survey_id', surveyId).orderBy('p.created_at').orderBy('p.id');
  if (memberStateId !== undefined) query.where('p.member_state_id', memberStateId);
  return (await query).map(toProposal);
}

/** Decides a pending proposal; false when it was decided already. */
export async function decideProposal(tx: Tx, id: number, fields: Row): Promise<boolean> {
  const db = tx.knex;
  return (await db('proposals').where({ id, status: 'pending' }).update(fields)) === 1;
}
