import { connectionOf, type Queryable, type Tx } from './database.js';

export type LinkPurpose = 'setup' | 'invitation' | 'reset';

export interface AccountLinkRow {
  readonly id: number;
  readonly purpose: LinkPurpose;
  readonly user_id: number | null;
  readonly expires_at: string;
  readonly used_at: string | null;
}

export async function insertAccountLink(
  tx: Tx,
  link: { purpose: LinkPurpose; token_hash: string; user_id: number | null; created_by: number | null; created_at: string; expires_at: string },
): Promise<void> {
  await tx.knex('account_links').insert(link);
}

export async function findAccountLinkByHash(q: Queryable, tokenHash: string): Promise<AccountLinkRow | undefined> {
  const db = connectionOf(q);
  const r = await db('account_links').where({ token_hash: tokenHash }).first();
  return r
    ? { id: Number(r.id), purpose: r.purpose, user_id: r.user_id == null ? null : Number(r.user_id), expires_at: r.expires_at, used_at: r.used_at ?? null }
    : undefined;
}

/** Marks the link used; false when another request used it first. */
export async function markAccountLinkUsed(tx: Tx, id: number, now: string): Promise<boolean> {
  const db = tx.knex;
  const n = await db('account_links').where({ id }).whereNull('used_at').update({ used_at: now });
  return n === 1;
}

/** Retires a user's earlier unused links when a new one is issued. */
export async function retireAccountLinks(tx: Tx, userId: number, now: string): Promise<void> {
  const db = tx.knex;
  await db('account_links').where({ user_id: userId }).whereNull('used_at').update({ used_at: now });
}
