import { z } from 'zod';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { changeContent } from './content-version.js';
import { insertedId, text, wholeNumber } from './row-schemas.js';

export const MEMBER_STATE_STATUSES = ['member', 'observer'] as const;
export type MemberStateStatus = (typeof MEMBER_STATE_STATUSES)[number];

const MEMBER_STATE_ROW = z.object({
  id: wholeNumber,
  iso3: text,
  name_en: text,
  name_fr: text,
  name_es: text,
  status: z.literal(MEMBER_STATE_STATUSES),
  created_at: text,
  updated_at: text,
});

export type MemberStateRow = Readonly<z.output<typeof MEMBER_STATE_ROW>>;

export type MemberStateFields = Pick<MemberStateRow, 'iso3' | 'name_en' | 'name_fr' | 'name_es' | 'status'>;

function fromRow(r: unknown): MemberStateRow {
  return MEMBER_STATE_ROW.parse(r);
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
  return insertedId(await db('member_states').insert({ ...fields, created_at: now, updated_at: now }).returning('id'));
}

export async function updateMemberState(tx: Tx, id: number, fields: MemberStateFields, now: string): Promise<void> {
  // Options proposed by a Member State show its code.
  await changeContent(tx, (db) => db('member_states').where({ id }).update({ ...fields, updated_at: now }));
}
