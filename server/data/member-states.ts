import type { Knex } from 'knex';
import { bumpContentVersion } from './surveys.js';

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

export async function listMemberStates(db: Knex): Promise<MemberStateRow[]> {
  return (await db('member_states').orderBy('iso3')).map(fromRow);
}

/** How many Member States have a status, counted by the database. */
export async function countMemberStates(db: Knex, status: MemberStateStatus): Promise<number> {
  const row = await db('member_states').where({ status }).count<{ n: number | string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function findMemberStateById(db: Knex, id: number): Promise<MemberStateRow | undefined> {
  const r = await db('member_states').where({ id }).first();
  return r ? fromRow(r) : undefined;
}

export async function findMemberStateByIso3(db: Knex, iso3: string): Promise<MemberStateRow | undefined> {
  const r = await db('member_states').where({ iso3 }).first();
  return r ? fromRow(r) : undefined;
}

export async function insertMemberState(db: Knex, fields: MemberStateFields, now: string): Promise<number> {
  const [row] = await db('member_states').insert({ ...fields, created_at: now, updated_at: now }).returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function updateMemberState(db: Knex, id: number, fields: MemberStateFields, now: string): Promise<void> {
  await db('member_states').where({ id }).update({ ...fields, updated_at: now });
  // Options proposed by a Member State show its code.
  await bumpContentVersion(db);
}
