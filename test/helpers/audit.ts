import { listAuditEntries } from '../../server/domain/audit-log.js';
import type { Actor, Deps } from '../../server/domain/deps.js';

/** The newest audit entry, read through the audit log as an administrator sees it, its details parsed. */
export async function latestAuditEntry(deps: Deps, admin: Actor) {
  const [entry] = await listAuditEntries(deps, admin, 1);
  if (!entry) throw new Error('the audit log is empty');
  return { ...entry, details: JSON.parse(entry.details) as Record<string, unknown> };
}

/** The sequence number of the newest audit entry (0 when there is none), to show that a refusal wrote nothing. */
export async function latestAuditSeq(deps: Deps, admin: Actor): Promise<number> {
  const [entry] = await listAuditEntries(deps, admin, 1);
  return entry?.seq ?? 0;
}
