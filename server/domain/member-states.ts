import { z } from 'zod';
import { isUniqueViolation } from '../data/connection.js';
import {
  findMemberStateById, findMemberStateByIso3, insertMemberState, listMemberStates, updateMemberState,
  type MemberStateFields, type MemberStateRow,
} from '../data/member-states.js';
import type { Language } from '../i18n/languages.js';
import { actorLabel, requireAdmin } from './accounts.js';
import { appendAuditEntry } from './audit.js';
import { isoTime } from './clock.js';
import type { Actor, Deps } from './deps.js';
import { AppError, type FieldError } from './errors.js';
import { parseInput } from './validation.js';
import { missingColumnsError, readCsvFile } from './csv-files.js';

const name = z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong');
export const memberStateSchema = z.object({
  iso3: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'validation.iso3'),
  names: z.object({ en: name, fr: name, es: name }),
  status: z.enum(['member', 'observer'], { message: 'validation.status' }),
});
export type MemberStateInput = z.output<typeof memberStateSchema>;

export interface MemberState {
  readonly id: number;
  readonly iso3: string;
  readonly names: Readonly<Record<Language, string>>;
  readonly status: 'member' | 'observer';
}

export function toMemberState(r: MemberStateRow): MemberState {
  return { id: r.id, iso3: r.iso3, names: { en: r.name_en, fr: r.name_fr, es: r.name_es }, status: r.status };
}

function toFields(m: MemberStateInput): MemberStateFields {
  return { iso3: m.iso3, name_en: m.names.en, name_fr: m.names.fr, name_es: m.names.es, status: m.status };
}

export function requireStaffOrAdmin(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
}

export async function listAllMemberStates(deps: Deps, actor: Actor): Promise<MemberState[]> {
  requireStaffOrAdmin(actor);
  return (await listMemberStates(deps.db)).map(toMemberState);
}

export async function getMemberState(deps: Deps, actor: Actor, id: number): Promise<MemberState> {
  requireStaffOrAdmin(actor);
  const r = await findMemberStateById(deps.db, id);
  if (!r) throw new AppError('not_found', 'errors.notFound');
  return toMemberState(r);
}

export async function createMemberState(deps: Deps, actor: Actor | null, input: unknown): Promise<MemberState> {
  requireAdmin(actor);
  const data = parseInput(memberStateSchema, input);
  try {
    return await deps.db.transaction(async (tx) => {
      const id = await insertMemberState(tx, toFields(data), isoTime(deps.clock.now()));
      await appendAuditEntry(deps, tx, {
        actorUserId: actor?.userId ?? null, actorLabel: actorLabel(actor), action: 'member-state.create',
        subjectType: 'member-state', subjectId: data.iso3, details: { to: data },
      });
      return toMemberState((await findMemberStateById(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'errors.invalid', {}, [{ field: 'iso3', key: 'validation.iso3Taken', params: { iso3: data.iso3 } }]);
    throw error;
  }
}

export async function editMemberState(deps: Deps, actor: Actor, id: number, input: unknown): Promise<MemberState> {
  requireAdmin(actor);
  const data = parseInput(memberStateSchema, input);
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await findMemberStateById(tx, id);
      if (!before) throw new AppError('not_found', 'errors.notFound');
      await updateMemberState(tx, id, toFields(data), isoTime(deps.clock.now()));
      await appendAuditEntry(deps, tx, {
        actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'member-state.update',
        subjectType: 'member-state', subjectId: data.iso3, details: { from: toMemberState(before), to: data },
      });
      return toMemberState((await findMemberStateById(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'errors.invalid', {}, [{ field: 'iso3', key: 'validation.iso3Taken', params: { iso3: data.iso3 } }]);
    throw error;
  }
}

export const IMPORT_COLUMNS = ['iso3', 'name_en', 'name_fr', 'name_es', 'status'] as const;

export interface ImportRowReport {
  readonly line: number;
  readonly iso3: string;
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  readonly reasons: readonly FieldError[];
}

export interface ImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly rows: readonly ImportRowReport[];
}

/**
 * Imports Member States from CSV (iso3,name_en,name_fr,name_es,status; commas or semicolons, UTF-8 or
 * Windows-1252, as the shared reader takes them). A file that cannot be read as
 * CSV with those columns writes nothing; otherwise good rows are created or updated in one
 * transaction and each bad row is reported with its line and reasons.
 */
export async function importMemberStates(deps: Deps, actor: Actor | null, csvText: string | Uint8Array): Promise<ImportReport> {
  requireAdmin(actor);
  const table = readCsvFile(csvText, { trim: true });
  const records = table.rows;
  const missing = IMPORT_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length > 0) throw missingColumnsError(table, missing);

  return deps.db.transaction(async (tx) => {
    const rows: ImportRowReport[] = [];
    const seen = new Set<string>();
    const now = isoTime(deps.clock.now());
    for (const { record, line } of records) {
      const result = memberStateSchema.safeParse({
        iso3: record.iso3, names: { en: record.name_en, fr: record.name_fr, es: record.name_es }, status: (record.status ?? '').toLowerCase(),
      });
      const iso3 = (record.iso3 ?? '').trim().toUpperCase();
      if (!result.success) {
        rows.push({ line, iso3, outcome: 'rejected', reasons: result.error.issues.map((i) => ({ field: i.path.join('.'), key: i.message.startsWith('validation.') ? i.message : 'validation.invalidValue' })) });
        continue;
      }
      if (seen.has(result.data.iso3)) {
        rows.push({ line, iso3, outcome: 'rejected', reasons: [{ field: 'iso3', key: 'validation.iso3Repeated' }] });
        continue;
      }
      seen.add(result.data.iso3);
      const fields = toFields(result.data);
      const existing = await findMemberStateByIso3(tx, result.data.iso3);
      if (!existing) {
        await insertMemberState(tx, fields, now);
        rows.push({ line, iso3, outcome: 'created', reasons: [] });
      } else if (existing.name_en === fields.name_en && existing.name_fr === fields.name_fr && existing.name_es === fields.name_es && existing.status === fields.status) {
        rows.push({ line, iso3, outcome: 'unchanged', reasons: [] });
      } else {
        await updateMemberState(tx, existing.id, fields, now);
        rows.push({ line, iso3, outcome: 'updated', reasons: [] });
      }
    }
    const count = (o: ImportRowReport['outcome']) => rows.filter((r) => r.outcome === o).length;
    const report = { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), rows };
    await appendAuditEntry(deps, tx, {
      actorUserId: actor?.userId ?? null, actorLabel: actorLabel(actor), action: 'member-state.import', subjectType: 'member-state', subjectId: null,
      details: { created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected, iso3: rows.filter((r) => r.outcome === 'created' || r.outcome === 'updated').map((r) => r.iso3) },
    });
    return report;
  });
}
