// The audit log, every entry with its hash chain; administrators only.
import { listAuditRows } from '../../data/audit.js';
import type { Deps } from '../deps.js';
import { CSV, csvRows, type Cell, type ExportDefinition } from './shared.js';

async function* auditRows(deps: Deps): AsyncGenerator<Cell[]> {
  yield ['seq', 'at', 'actor', 'action', 'subject_type', 'subject_id', 'details', 'prev_hash', 'hash'];
  let after = 0;
  for (;;) {
    const page = await listAuditRows(deps.db, { afterSeq: after, limit: 2000 });
    for (const e of page) yield [e.seq, e.at, e.actor_label, e.action, e.subject_type, e.subject_id ?? '', e.details, e.prev_hash, e.hash];
    if (page.length < 2000) return;
    after = page.at(-1)!.seq;
  }
}

export const AUDIT_EXPORT = {
  file: { name: 'audit', extension: 'csv' },
  contentType: CSV,
  adminOnly: true,
  listed: true,
  counts: false,
  body: ({ deps }) => csvRows(auditRows(deps)),
} satisfies ExportDefinition;
