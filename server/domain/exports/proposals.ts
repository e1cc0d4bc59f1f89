// Proposals and comments: the options Member States proposed, with their outcome, then every
// comment of the current ballots (on a question, or on the survey as a whole).
import { iterateCurrentRevisions } from '../../data/ballots.js';
import { listProposals } from '../../data/proposals.js';
import type { Deps } from '../deps.js';
import type { Survey } from '../surveys/model.js';
import { CSV, csvRows, type Cell, type ExportDefinition } from './shared.js';

async function* proposalRows(deps: Deps, survey: Survey): AsyncGenerator<Cell[]> {
  yield ['kind', 'question_id', 'question', 'iso3', 'language', 'title', 'text', 'status', 'reason', 'at'];
  const questionTitle = new Map(survey.questions.map((q) => [q.id, q.title.en]));
  for (const p of await listProposals(deps.db, survey.id)) {
    yield ['proposal', p.questionId, questionTitle.get(p.questionId) ?? '', p.memberStateIso3, p.language, p.title, p.description, p.status, p.reason ?? '', p.createdAt];
  }
  for await (const r of iterateCurrentRevisions(deps.db, survey.id)) {
    for (const [questionId, a] of Object.entries(r.answers)) {
      if (a.comment) yield ['comment', Number(questionId), questionTitle.get(Number(questionId)) ?? '', r.iso3, '', '', a.comment, '', '', r.submittedAt];
    }
    if (r.comments) yield ['comment', '', '', r.iso3, '', '', r.comments, '', '', r.submittedAt];
  }
}

export const PROPOSALS_EXPORT = {
  file: { name: 'proposals', extension: 'csv' },
  contentType: CSV,
  adminOnly: false,
  listed: true,
  counts: false,
  body: ({ deps, survey }) => csvRows(proposalRows(deps, survey)),
} satisfies ExportDefinition;
