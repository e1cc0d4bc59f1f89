import { listRecentAuditRows } from '../data/audit.js';
import { requireAdmin } from './accounts.js';
import type { Actor, Deps } from './deps.js';

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: string;
  readonly hash: string;
}

export async function listAuditEntries(deps: Deps, actor: Actor, limit: number): Promise<AuditEntry[]> {
  requireAdmin(actor);
  return (await listRecentAuditRows(deps.db, limit)).map((r) => ({
    seq: r.seq, at: r.at, actor: r.actor_label, action: r.action,
    subject: r.subject_id ? `${r.subject_type} ${r.subject_id}` : r.subject_type, details: r.details, hash: r.hash,
  }));
}
