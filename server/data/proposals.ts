import type { Knex } from 'knex';
import { connectionOf, type Queryable, type Tx } from './database.js';

export type ProposalStatus = 'pending' | 'accepted' | 'declined';

export interface ProposalRow {
  readonly id: number;
  readonly questionId: number;
  readonly surveyId: number;
  readonly memberStateId: number;
  readonly memberStateIso3: string;
  readonly submittedByLabel: string | null;
  readonly language: 'en' | 'fr' | 'es';
  readonly title: string;
  readonly description: string;
  readonly status: ProposalStatus;
  readonly reason: string | null;
  readonly decidedAt: string | null;
  readonly optionId: number | null;
  readonly createdAt: string;
}

type Row = Record<string, unknown>;

function select(db: Knex) {
  return db('proposals as p')
    .join('questions as q', 'q.id', 'p.question_id')
    .join('member_states as m', 'm.id', 'p.member_state_id')
    .leftJoin('users as u', 'u.id', 'p.submitted_by')
    .select('p.*', 'q.survey_id', 'm.iso3', 'u.email as submitted_by_email');
}

function toProposal(r: Row): ProposalRow {
  return {
    id: Number(r.id), questionId: Number(r.question_id), surveyId: Number(r.survey_id), memberStateId: Number(r.member_state_id),
    memberStateIso3: String(r.iso3), submittedByLabel: (r.submitted_by_email as string | null) ?? null, language: r.language as ProposalRow['language'],
    title: String(r.title), description: String(r.description ?? ''), status: r.status as ProposalStatus, reason: (r.reason as string | null) ?? null,
    decidedAt: (r.decided_at as string | null) ?? null, optionId: r.option_id == null ? null : Number(r.option_id), createdAt: String(r.created_at),
  };
}

export async function insertProposal(tx: Tx, row: Row): Promise<number> {
  const db = tx.knex;
  const [r] = await db('proposals').insert(row).returning('id');
  return Number(typeof r === 'object' ? r.id : r);
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
