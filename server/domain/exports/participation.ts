// Participation: every eligible Member State, answered or not, when, by whom and by which channel.
import type { Actor, Deps } from '../deps.js';
import type { Survey } from '../surveys/model.js';
import { participation } from '../surveys/queries.js';
import { CSV, csvRows, type Cell, type ExportDefinition } from './shared.js';

async function* participationRows(deps: Deps, actor: Actor, survey: Survey): AsyncGenerator<Cell[]> {
  const p = await participation(deps, actor, survey.id);
  yield ['iso3', 'member_state', 'answered', 'submitted_at', 'submitted_by', 'channel', 'revision', 'abstentions'];
  for (const r of p.rows) yield [r.iso3, r.names.en, r.answered ? 'yes' : 'no', r.submittedAt ?? '', r.submittedBy ?? '', r.channel ?? '', r.revision ?? '', r.abstentions];
}

export const PARTICIPATION_EXPORT = {
  file: { name: 'participation', extension: 'csv' },
  contentType: CSV,
  adminOnly: false,
  listed: true,
  counts: false,
  body: ({ deps, actor, survey }) => csvRows(participationRows(deps, actor, survey)),
} satisfies ExportDefinition;
