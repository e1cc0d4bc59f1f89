import { connectionOf, type Queryable, type Tx } from './database.js';
import { changeContent } from './content-version.js';

export type MemberStateStatus = 'member' | 'observer';

export interface MemberStateRow {
  readonly id: number;
  readonly iso3: string;
  readonly name_en: string;
  readonly name_fr: string;
  readonly name_es: string;
  readonly status: MemberStateStatus;
  readonly created_at: string;
  readonly updated_at: string;
}

export type MemberStateFields = Pick<MemberStateRow, 'iso3' | 'name_en' | 'name_fr' | 'name_es' | 'status'>;

function fromRow(r: Record<string, unknown>): MemberStateRow {
  return { ...(r as unknown as MemberStateRow), id: Number(r.id) };
}

export async function listMemberStates(q: Queryable): Promise<MemberStateRow[]> {
  const db = connectionOf(q);
  return (await db('member_states').orderBy('iso3')).map(fromRow);
}

/** How many Member States have a status, counted by the database. */
export async function countMemberStates(q: Queryable, status: MemberStateStatus): Promise<number> {
  const db = connectionOf(q);
  const row = await db('member_states').where({ status }).count<{ n: number | string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function findMemberStateById(q: Queryable, id: number): Promise<MemberStateRow | undefined> {
  const db = connectionOf(q);
  const r = await db('member_states').where({ id }).first();
  return r ? fromRow(r) : undefined;
}

export async function findMemberStateByIso3(q: Queryable, iso3: string): Promise<MemberStateRow | undefined> {
  const db = connectionOf(q);
  const r = await db('member_states').where({ iso3 }).first();
  return r ? fromRow(r) : undefined;
}

export async function insertMemberState(tx: Tx, fields: MemberStateFields, now: string): Promise<number> {
  const db = tx.knex;
  const [row] = await db('member_states').insert({ ...fields, created_at: now, updated_at: now }).returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function updateMemberState(tx: Tx, id: number, fields: MemberStateFields, now: string): Promise<void> {
  // Options proposed by a Member State show its code.
  await changeContent(tx, (db) => db('member_states').where({ id }).update({ ...fields, updated_at: now }));
}
