import type { Knex } from 'knex';
import { z } from 'zod';
import { connectionOf, isPostgres, rawRows, type Queryable, type Tx } from './database.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { MEMBER_STATE_STATUSES } from './member-states.js';
import { flag, insertedId, nullableText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

export const ROLES = ['admin', 'staff', 'delegate'] as const;
export type Role = (typeof ROLES)[number];

/** A user with their Member State's code, status and names, as selectUsers and the session read give it. */
const USER_ROW = z.object({
  id: wholeNumber,
  email: text,
  display_name: text,
  role: z.literal(ROLES),
  member_state_id: nullableWholeNumber,
  member_state_iso3: nullableText,
  member_state_status: z.literal(MEMBER_STATE_STATUSES).nullable(),
  member_state_name_en: nullableText,
  member_state_name_fr: nullableText,
  member_state_name_es: nullableText,
  language: z.literal(LANGUAGES),
  password_hash: nullableText,
  is_disabled: flag,
  is_focal_point: flag,
  created_at: text,
  updated_at: text,
});

export type UserRow = Readonly<z.output<typeof USER_ROW>>;

export interface UserFields {
  readonly email: string;
  readonly display_name: string;
  readonly role: Role;
  readonly member_state_id: number | null;
  readonly language: Language;
}

function selectUsers(db: Knex) {
  return db('users')
    .leftJoin('member_states', 'member_states.id', 'users.member_state_id')
    .select('users.*', 'member_states.iso3 as member_state_iso3', 'member_states.status as member_state_status',
      'member_states.name_en as member_state_name_en', 'member_states.name_fr as member_state_name_fr', 'member_states.name_es as member_state_name_es');
}

function fromRow(r: unknown): UserRow {
  return USER_ROW.parse(r);
}

export async function countUsers(q: Queryable): Promise<number> {
  const db = connectionOf(q);
  const r = await db('users').count<{ n: number | string }[]>({ n: '*' });
  return Number(r[0]?.n ?? 0);
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  const db = connectionOf(q);
  return (await selectUsers(db).orderBy('users.email')).map(fromRow);
}

/** The accounts of one Member State's delegation, by e-mail. */
export async function listUsersOfMemberState(q: Queryable, memberStateId: number): Promise<UserRow[]> {
  const db = connectionOf(q);
  return (await selectUsers(db).where('users.member_state_id', memberStateId).orderBy('users.email')).map(fromRow);
}

export async function findUserById(q: Queryable, id: number): Promise<UserRow | undefined> {
  const db = connectionOf(q);
  const r = await selectUsers(db).where('users.id', id).first();
  return r ? fromRow(r) : undefined;
}

/**
 * A session's stored data and, when someone is signed in to it, their account, in one query: a
 * page view needs both. Expired sessions are not found. The sessions table is the session store's.
 */
export async function findSessionWithUser(q: Queryable, sid: string, now: Date): Promise<{ sess: unknown; user: UserRow | undefined } | undefined> {
  const [r] = await rawRows(q, isPostgres(q) ? SESSION_WITH_USER_PG : SESSION_WITH_USER_SQLITE, [sid, now.toISOString()]);
  if (!r) return undefined;
  const { sess, ...user } = r;
  return { sess, user: user.id == null ? undefined : fromRow(user) };
}

const sessionWithUser = (userId: string, notExpired: string) => `select s.sess, users.*, member_states.iso3 as member_state_iso3, member_states.status as member_state_status,
    member_states.name_en as member_state_name_en, member_states.name_fr as member_state_name_fr, member_states.name_es as member_state_name_es
  from sessions as s
  left join users on users.id = ${userId}
  left join member_states on member_states.id = users.member_state_id
  where s.sid = ? and ${notExpired}
  limit 1`;
const SESSION_WITH_USER_SQLITE = sessionWithUser("json_extract(s.sess, '$.passport.user')", 'datetime(?) <= datetime(s.expired)');
const SESSION_WITH_USER_PG = sessionWithUser("(s.sess::json #>> '{passport,user}')::integer", 'CAST(? as timestamp with time zone) <= s.expired');

/** An active (not revoked) API token and the user it belongs to, in one query. */
export async function findUserByActiveApiToken(q: Queryable, tokenHash: string): Promise<{ user: UserRow; tokenId: number; lastUsedAt: string | null } | undefined> {
  const db = connectionOf(q);
  const r: unknown = await selectUsers(db).join('api_tokens', 'api_tokens.user_id', 'users.id')
    .select('api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at')
    .where('api_tokens.token_hash', tokenHash).whereNull('api_tokens.revoked_at').first();
  if (!r) return undefined;
  const token = z.object({ token_id: wholeNumber, token_last_used_at: nullableText }).parse(r);
  return { user: fromRow(r), tokenId: token.token_id, lastUsedAt: token.token_last_used_at };
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const db = connectionOf(q);
  const r = await selectUsers(db).where('users.email', email).first();
  return r ? fromRow(r) : undefined;
}

export async function insertUser(tx: Tx, fields: UserFields & { password_hash: string | null }, now: string): Promise<number> {
  const db = tx.knex;
  return insertedId(await db('users').insert({ ...fields, is_disabled: false, created_at: now, updated_at: now }).returning('id'));
}

export async function updateUser(tx: Tx, id: number, fields: Partial<UserFields> & { is_disabled?: boolean; is_focal_point?: boolean; password_hash?: string | null }, now: string): Promise<void> {
  const db = tx.knex;
  await db('users').where({ id }).update({ ...fields, updated_at: now });
}
