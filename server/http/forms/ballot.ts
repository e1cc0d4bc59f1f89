import type { RevisionRow } from '../../data/ballots.js';
import { checkBallot, type BallotInput } from '../../domain/ballots.js';
import { AppError, type FieldError } from '../../domain/errors.js';
import { pick, type Question, type Survey } from '../../domain/surveys/model.js';
import type { Language } from '../../i18n/languages.js';
import { idFromText, integerFromText } from './params.js';

// The ballot form's flat fields, the same with or without JavaScript:
//   rank_<question>_<option>  "" (not ranked) or 1, 2, …   one select per option
//   abstain_<question>        "1" when the delegation abstains on that question
//   comment_<question>        the question's comment
//   comments                  the survey's comments
//   baseRevision              the revision the form was filled from (0: no ballot yet)
//   memberState               the Member State the form was shown for

export type BallotFields = Record<string, string>;

const RANK_FIELD = /^rank_(\d{1,10})_(.*)$/;

export function rankField(questionId: number, optionId: number): string {
  return `rank_${questionId}_${optionId}`;
}

/** A posted value as one string; a field posted twice gives the values found. */
function values(body: Record<string, unknown>, name: string): string[] {
  const v = body[name];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x.trim() : '')).filter((x) => x !== '');
}

function single(body: Record<string, unknown>, name: string): string {
  return values(body, name)[0] ?? '';
}

export interface BallotFormResult {
  /** The domain's input, when the fields make a ranking per question. */
  readonly input: BallotInput;
  /** Problems the form itself finds (ties, gaps, malformed ranks), keyed like the domain's: q<question>. */
  readonly problems: readonly FieldError[];
  /** The fields as posted, normalised, to re-render the form or carry them through the review. */
  readonly fields: BallotFields;
  /** The Member State named by the form, if any. */
  readonly memberStateId: number | undefined;
}

function questionAnswer(q: Question, body: Record<string, unknown>, fields: BallotFields, problems: FieldError[], lang: Language) {
  const max = q.maxRanks ?? q.options.length;
  const byRank = new Map<number, string[]>();
  const titleOf = new Map(q.options.map((o) => [String(o.id), pick(o.title, lang).text]));
  let malformed = false;
  for (const key of Object.keys(body)) {
    const m = RANK_FIELD.exec(key);
    if (!m || Number(m[1]) !== q.id) continue;
    const optionKey = m[2]!;
    const posted = values(body, key);
    if (posted.length === 0) continue;
    fields[key] = posted[0]!;
    if (posted.length > 1) {
      problems.push({ field: `q${q.id}`, key: 'voting.errors.optionTwice' });
      malformed = true;
      continue;
    }
    if (!/^[1-9]\d{0,3}$/.test(posted[0]!) || Number(posted[0]) > Math.max(max, q.options.length)) {
      problems.push({ field: `q${q.id}`, key: 'voting.errors.badRank', params: { max } });
      malformed = true;
      continue;
    }
    const rank = Number(posted[0]);
    byRank.set(rank, [...(byRank.get(rank) ?? []), optionKey]);
  }
  const abstain = single(body, `abstain_${q.id}`) !== '';
  if (abstain) fields[`abstain_${q.id}`] = '1';
  const comment = single(body, `comment_${q.id}`);
  if (comment) fields[`comment_${q.id}`] = comment;
  const withComment = comment ? { comment } : {};
  if (malformed) return { question: q.id, ranking: [], ...withComment };

  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  for (const rank of ranks) {
    const tied = byRank.get(rank)!;
    if (tied.length > 1) {
      const names = tied.map((id) => titleOf.get(id) ?? id);
      problems.push({ field: `q${q.id}`, key: 'voting.errors.tie', params: { rank, options: names.join(', ') } });
    }
  }
  const highest = ranks.at(-1) ?? 0;
  for (let r = 1; r < highest; r++) {
    if (!byRank.has(r)) {
      problems.push({ field: `q${q.id}`, key: 'voting.errors.gap', params: { missing: r, next: ranks.find((x) => x > r)! } });
      break;
    }
  }
  if (abstain && ranks.length > 0) problems.push({ field: `q${q.id}`, key: 'voting.errors.rankAndAbstain' });
  if (problems.some((p) => p.field === `q${q.id}`)) return { question: q.id, ranking: [], ...withComment };
  if (abstain) return { question: q.id, abstain: true as const, ...withComment };
  // Option ids as posted: an id that is not a number or not of this question is the domain's to refuse.
  const ranking = ranks.map((r) => {
    const id = byRank.get(r)![0]!;
    return idFromText(id) ?? null;
  });
  if (ranking.includes(null)) {
    problems.push({ field: `q${q.id}`, key: 'ballot.problems.unknown-option', params: { rank: ranking.indexOf(null) + 1 } });
    return { question: q.id, ranking: [], ...withComment };
  }
  return { question: q.id, ranking: ranking as number[], ...withComment };
}

/** Turns the posted ballot form into the domain's input, refusing ties and gaps the domain cannot see. */
export function ballotFormInput(survey: Survey, body: Record<string, unknown>, lang: Language = 'en'): BallotFormResult {
  const fields: BallotFields = {};
  const problems: FieldError[] = [];
  const known = new Set(survey.questions.map((q) => q.id));
  for (const key of Object.keys(body)) {
    const m = RANK_FIELD.exec(key) ?? /^(?:abstain|comment)_(\d{1,10})$/.exec(key);
    if (m && !known.has(Number(m[1])) && values(body, key).length > 0) {
      problems.push({ field: '_', key: 'voting.errors.unknownQuestion' });
      break;
    }
  }
  const answers = survey.questions.map((q) => questionAnswer(q, body, fields, problems, lang));
  const comments = single(body, 'comments');
  if (comments) fields.comments = comments;
  const base = single(body, 'baseRevision');
  fields.baseRevision = base;
  // The revision the form was filled from: empty (replace whatever is there) or a whole number.
  const baseRevision = integerFromText(base, 0);
  if (base !== '' && baseRevision === undefined) problems.push({ field: '_', key: 'voting.errors.baseRevision' });
  const ms = single(body, 'memberState');
  if (ms) fields.memberState = ms;
  const memberStateId = idFromText(ms) ?? (ms === '' ? undefined : -1);
  return { input: { answers, comments, ...(baseRevision !== undefined ? { baseRevision } : {}) }, problems, fields, memberStateId };
}

/** The fields of a stored ballot, to pre-fill the form. */
export function ballotFieldsOf(revision: Pick<RevisionRow, 'answers' | 'comments' | 'revision'> | undefined): BallotFields {
  const fields: BallotFields = { baseRevision: String(revision?.revision ?? 0) };
  if (!revision) return fields;
  for (const [questionId, answer] of Object.entries(revision.answers)) {
    answer.ranking?.forEach((optionId, i) => { fields[`rank_${questionId}_${optionId}`] = String(i + 1); });
    if (answer.abstain) fields[`abstain_${questionId}`] = '1';
    if (answer.comment) fields[`comment_${questionId}`] = answer.comment;
  }
  if (revision.comments) fields.comments = revision.comments;
  return fields;
}

/** What the domain finds wrong at the questions the form itself had no problem with, so every problem shows at once. */
export function otherBallotProblems(survey: Survey, input: unknown, found: readonly FieldError[]): FieldError[] {
  const questionOf = (field: string) => /^q(\d+)/.exec(field)?.[1] ?? field;
  const seen = new Set(found.map((f) => questionOf(f.field)));
  try {
    checkBallot(survey, input);
    return [];
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
    return error.fields.filter((f) => !seen.has(questionOf(f.field)));
  }
}
