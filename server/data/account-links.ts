import { z } from 'zod';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { nullableText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

export const LINK_PURPOSES = ['setup', 'invitation', 'reset'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

const ACCOUNT_LINK_ROW = z.object({
  id: wholeNumber,
  purpose: z.literal(LINK_PURPOSES),
  user_id: nullableWholeNumber,
  expires_at: text,
  used_at: nullableText,
});

export type AccountLinkRow = Readonly<z.output<typeof ACCOUNT_LINK_ROW>>;

export async function insertAccountLink(
  tx: Tx,
  link: { purpose: LinkPurpose; token_hash: string; user_id: number | null; created_by: number | null; created_at: string; expires_at: string },
): Promise<void> {
  await tx.knex('account_links').insert(link);
}

export async function findAccountLinkByHash(q: Queryable, tokenHash: string): Promise<AccountLinkRow | undefined> {
  const db = connectionOf(q);
  const r = await db('account_links').where({ token_hash: tokenHash }).first();
  return r ? ACCOUNT_LINK_ROW.parse(r) : undefined;
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
