import { normaliseName } from '../ballot-files/index.js';
import { cacheSlot, VersionedCache } from '../data/cache-slot.js';
import { ballotsFingerprint, groupCurrentAnswers, iterateCurrentRevisions } from '../data/ballots.js';
import { countMemberStates } from '../data/member-states.js';
import { findSurvey } from '../data/surveys.js';
import { countQuestion, countQuestionWithTrace, createBallotSetBuilder, DEFAULT_SEED, METHODS, type BallotSet, type CountInput, type CountResult, type Method, type TracedCount } from '../tally/index.js';
import { type Actor, type Deps } from './deps.js';
import { AppError } from './errors.js';
import { effectiveStatus, type Question, type Survey, type SurveyStatus } from './surveys/model.js';
import { Refused } from './refusals.js';

/** provisional while open, final once closed, official once published. */
export type ResultStamp = 'provisional' | 'final' | 'official';

export interface QuestionResult {
  readonly question: Question;
  /** The names options go by in the count and in the ballot file export (unique within the question). */
  readonly optionNames: readonly string[];
  readonly answered: number;
  readonly abstentions: number;
  /** The valid ballots, aggregated: each distinct ranking once with its count. */
  readonly ballots: BallotSet;
  readonly official: CountResult;
  /** The same ballots counted with every other method, for comparison. */
  readonly others: readonly CountResult[];
  /** Whether every other method retains the same options (in any order). */
  readonly othersAgree: readonly boolean[];
}

export interface SurveyResults {
  readonly survey: Survey;
  readonly status: SurveyStatus;
  readonly stamp: ResultStamp;
  readonly eligible: number;
  readonly answered: number;
  readonly seed: string;
  readonly questions: readonly QuestionResult[];
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Unique names for a question's options: the label and English title, e.g. "(a) Return migration",
 * in NFC as ballot files compare names (an option saved before names were kept in NFC included).
 * They are the rank cells of the ballot file export, so a name a spreadsheet would take for a
 * formula starts with an apostrophe here already: the exported file then re-counts to the same result.
 */
export function optionNames(question: Question): string[] {
  const seen = new Map<string, number>();
  return question.options.map((o) => {
    const joined = normaliseName([o.label, o.title.en].filter((s) => s.trim() !== '').join(' ').replace(/[\r\n]+/g, ' '));
    const base = FORMULA_START.test(joined) ? `'${joined}` : joined;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${o.id}`;
  });
}

export function assertMayReadResults(actor: Actor, survey: Survey, status: SurveyStatus): void {
  if (actor.role === 'admin' || actor.role === 'staff') {
    if (status === 'draft' && actor.role !== 'admin') throw new AppError('not_found', 'errors.notFound');
    return;
  }
  if (survey.storedStatus === 'draft') throw new AppError('not_found', 'errors.notFound');
  if (status !== 'published') throw new Refused({ kind: 'results-not-published' });
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

interface Tallying {
  readonly question: Question;
  readonly indexOf: Map<number, number>;
  readonly builder: ReturnType<typeof createBallotSetBuilder>;
  readonly scratch: Int32Array;
  answered: number;
  abstentions: number;
}

/**
 * Builds each question's aggregated ballot set from the survey's distinct current answers, each
 * added with the number of ballots that gave it, in the order the ballots would come one by one:
 * the same sets as adding every ballot in turn, for a fraction of the work. Read beside the
 * writer: a count of many ballots takes a while and need not hold up ballots being cast.
 */
async function gatherBallots(deps: Deps, survey: Survey): Promise<{ sets: Map<number, { set: BallotSet; answered: number; abstentions: number }>; ballots: number }> {
  const tallies = survey.questions.map((q): Tallying => ({
    question: q, indexOf: new Map(q.options.map((o, i) => [o.id, i])), builder: createBallotSetBuilder(q.options.length),
    scratch: new Int32Array(q.options.length), answered: 0, abstentions: 0,
  }));
  let ballots = 0;
  for (const { answers, count } of await groupCurrentAnswers(deps.db, survey.id, survey.questions.map((q) => q.id))) {
    ballots += count;
    for (const t of tallies) {
      const a = answers[t.question.id];
      if (!a) continue;
      t.answered += count;
      if (a.abstain) {
        t.abstentions += count;
        continue;
      }
      let n = 0;
      // An option removed after a ballot was cast cannot be ranked; later preferences move up.
      for (const id of a.ranking ?? []) {
        const index = t.indexOf.get(id);
        if (index !== undefined) t.scratch[n++] = index;
      }
      t.builder.add(t.scratch, n, count);
    }
  }
  return {
    sets: new Map(tallies.map((t) => [t.question.id, { set: t.builder.finish(), answered: t.answered, abstentions: t.abstentions }])),
    ballots,
  };
}

/** What a question is counted from; its own method's count also carries the pairwise matrix, which the results page shows whatever the method. */
function countInput(question: Question, names: readonly string[], set: BallotSet, method: Method, seed: string): CountInput {
  return { method, options: names, ballots: set, seats: question.seats, seed, withPairwise: method === question.method };
}

/** Counts a question with a method. */
export function countWith(question: Question, names: readonly string[], set: BallotSet, method: Method, seed: string): CountResult {
  return countQuestion(countInput(question, names, set, method, seed));
}

/** The official count of a counted question made again, from the same input, with its per-ballot trace. */
export function traceOfficialCount(q: QuestionResult): TracedCount {
  return countQuestionWithTrace(countInput(q.question, q.optionNames, q.ballots, q.question.method, q.official.seed));
}

interface Count {
  readonly answered: number;
  readonly questions: readonly QuestionResult[];
}

/**
 * Counts of closed and published surveys: a survey that takes no ballot is counted once. The
 * version holds everything the count depends on (the survey's status and updated_at, which a
 * reopening or an edit changes, its questions, options and seed) and the ballots' fingerprint,
 * so a ballot that arrives anyway, or a count made on another instance, never meets a stale entry.
 */
const FINAL_COUNTS = cacheSlot('final counts', () => new VersionedCache<number, Count>(32));

function countKey(survey: Survey, status: SurveyStatus, ballots: string): string {
  return JSON.stringify([survey.updatedAt, survey.storedStatus, status, survey.seed, survey.questions, ballots]);
}

async function countSurvey(deps: Deps, survey: Survey, seed: string): Promise<Count> {
  const { sets, ballots } = await gatherBallots(deps, survey);
  const questions = survey.questions.map((q): QuestionResult => {
    const names = optionNames(q);
    const { set, answered, abstentions } = sets.get(q.id)!;
    const official = countWith(q, names, set, q.method, seed);
    const others = METHODS.filter((m) => m !== q.method).map((m) => countWith(q, names, set, m, seed));
    return { question: q, optionNames: names, answered, abstentions, ballots: set, official, others, othersAgree: others.map((o) => sameSet(o.winners, official.winners)) };
  });
  // One ballot per Member State: the ballots are the Member States that answered.
  return { answered: ballots, questions };
}

/** The count of a closed or published survey from the cache when nothing it depends on changed; open surveys are always counted afresh. */
async function finalOrFreshCount(deps: Deps, survey: Survey, status: SurveyStatus, seed: string): Promise<Count> {
  if (status !== 'closed' && status !== 'published') return countSurvey(deps, survey, seed);
  const key = countKey(survey, status, await ballotsFingerprint(deps.db, survey.id));
  const cache = deps.db.cache(FINAL_COUNTS);
  const hit = cache.get(survey.id, key);
  if (hit) return hit;
  const fresh = await countSurvey(deps, survey, seed);
  // Counted from ballots read after the fingerprint: kept only if the fingerprint still holds.
  if (countKey(survey, status, await ballotsFingerprint(deps.db, survey.id)) === key) cache.set(survey.id, key, fresh);
  return fresh;
}

/**
 * Counts every question of a survey with its method, and with every other method beside it; the
 * count of a closed or published survey is reused while nothing it depends on changes.
 */
export async function surveyResults(deps: Deps, actor: Actor, surveyId: number): Promise<SurveyResults> {
  const survey = await findSurvey(deps.db, surveyId);
  if (!survey) throw new AppError('not_found', 'errors.notFound');
  const status = effectiveStatus(survey, deps.clock.now());
  assertMayReadResults(actor, survey, status);
  const seed = survey.seed ?? DEFAULT_SEED;
  const [{ answered, questions }, eligible] = await Promise.all([finalOrFreshCount(deps, survey, status, seed), countMemberStates(deps.db, 'member')]);
  return {
    survey, status,
    stamp: status === 'published' ? 'official' : status === 'closed' ? 'final' : 'provisional',
    eligible,
    answered,
    seed,
    questions,
  };
}

/**
 * The receipt codes of the ballots that were counted, without the Member States: once results are
 * published, each delegation can find its own code among them.
 */
export async function countedReceipts(deps: Deps, actor: Actor, surveyId: number): Promise<{ survey: Survey; receipts: string[] }> {
  const survey = await findSurvey(deps.db, surveyId);
  if (!survey) throw new AppError('not_found', 'errors.notFound');
  assertMayReadResults(actor, survey, effectiveStatus(survey, deps.clock.now()));
  const receipts: string[] = [];
  for await (const r of iterateCurrentRevisions(deps.db, survey.id)) receipts.push(r.receipt);
  return { survey, receipts: receipts.sort() };
}
