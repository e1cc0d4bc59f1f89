// Schulze. d[a][b] counts the ballots ranking a above b (a ranked option is above every unranked
// one; unranked options are not compared). Strongest paths by winning votes (widest paths,
// Floyd–Warshall). a beats b when p[a][b] > p[b][a]; that relation is transitive (Schulze 2011,
// section 4.1), and the winners are the options no other beats. The full ranking follows it: first
// the winners, then the options no other beats once the winners are set aside, and so on. Options
// in one group share a place: none of them beats another, so only a lot can separate them, and one
// is drawn only for a group across the seat boundary (the last retained place), recorded in `ties`.
import { byLabel, textTable, yesNo } from './format-helpers.js';
import type { MethodDefinition, MethodOutcome } from './method-definition.js';
import { rankByScore } from './ranking.js';
import type { TieBreaker } from './ties.js';
import type { BallotSet, OptionIndex } from './types.js';

/** Pairwise counts, row-major: d[a * n + b]. */
export function countPairwise(set: BallotSet): Float64Array {
  const n = set.optionCount;
  const { offsets, choices, counts } = set;
  // d[a][b] = ballots ranking a − ballots ranking b before a: one pass over ranked pairs only.
  const ranked = new Float64Array(n);
  const before = new Float64Array(n * n);
  for (let g = 0; g < set.size; g++) {
    const start = offsets[g]!;
    const end = offsets[g + 1]!;
    const count = counts[g]!;
    for (let i = start; i < end; i++) {
      const a = choices[i]!;
      ranked[a] = ranked[a]! + count;
      const row = a * n;
      for (let j = start; j < i; j++) {
        const cell = row + choices[j]!;
        before[cell] = before[cell]! + count;
      }
    }
  }
  const d = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a !== b) d[a * n + b] = ranked[a]! - before[a * n + b]!;
    }
  }
  return d;
}

/** Strongest path strengths by winning votes, row-major. */
export function strongestPaths(d: Float64Array, n: number): Float64Array {
  const p = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a !== b && d[a * n + b]! > d[b * n + a]!) p[a * n + b] = d[a * n + b]!;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let a = 0; a < n; a++) {
      if (a === k) continue;
      const ak = p[a * n + k]!;
      if (ak === 0) continue;
      for (let b = 0; b < n; b++) {
        if (b === a || b === k) continue;
        const through = Math.min(ak, p[k * n + b]!);
        if (through > p[a * n + b]!) p[a * n + b] = through;
      }
    }
  }
  return p;
}

export function findCondorcetWinner(d: Float64Array, n: number): OptionIndex | null {
  for (let a = 0; a < n; a++) {
    let beatsAll = true;
    for (let b = 0; b < n && beatsAll; b++) {
      if (a !== b && !(d[a * n + b]! > d[b * n + a]!)) beatsAll = false;
    }
    if (beatsAll) return a;
  }
  return null;
}

/** A row-major matrix as rows. */
export const pairwiseRows = (flat: Float64Array, n: number): number[][] =>
  Array.from({ length: n }, (_, a) => Array.from(flat.subarray(a * n, a * n + n)));

/**
 * The Schulze ranking as groups, best first: the options that no remaining option beats
 * (p[b][a] > p[a][b]), set aside in turn. The first group is the Schulze winners. As the relation is
 * transitive and has no cycle, every option falls into a group, and an option beats only options
 * of later groups.
 */
export function schulzeGroups(p: Float64Array, n: number): OptionIndex[][] {
  const groups: OptionIndex[][] = [];
  let remaining = Array.from({ length: n }, (_, i) => i);
  while (remaining.length > 0) {
    const unbeaten = remaining.filter((a) => remaining.every((b) => !(p[b * n + a]! > p[a * n + b]!)));
    // Cannot happen for a transitive relation; guards against an endless loop all the same.
    if (unbeaten.length === 0) throw new Error('the Schulze relation has a cycle');
    groups.push(unbeaten);
    remaining = remaining.filter((a) => !unbeaten.includes(a));
  }
  return groups;
}

export function countSchulze(
  options: readonly string[],
  set: BallotSet,
  seats: number,
  tieBreaker: TieBreaker,
): MethodOutcome<'schulze'> {
  const n = set.optionCount;
  const d = countPairwise(set);
  const p = strongestPaths(d, n);
  // Groups as scores: the first group scores highest, so that groups rank as scores do.
  const groups = schulzeGroups(p, n);
  const score = new Float64Array(n);
  groups.forEach((group, g) => group.forEach((o) => (score[o] = groups.length - g)));
  const ranked =
    set.valid === 0 ? { ranking: [], places: [], winners: [] } : rankByScore(options, score, seats, tieBreaker);
  return {
    method: 'schulze',
    options,
    seats,
    valid: set.valid,
    blank: set.blank,
    pairwise: pairwiseRows(d, n),
    paths: pairwiseRows(p, n),
    condorcetWinner: set.valid === 0 ? null : findCondorcetWinner(d, n),
    ...ranked,
  };
}

export const SCHULZE = {
  method: 'schulze',
  count: countSchulze,
  progression: null,
  rules: (seats) => `Schulze: pairwise counts, strongest paths by winning votes; an option is ahead of another when its strongest path to it is stronger than the reverse; the unbeaten options rank first, then those unbeaten once they are set aside, and so on; the first ${seats} of that ranking are retained; a tie at the last retained place by lot.`,
  rulesKey: () => 'schulze',
  json: (result, label) => {
    const all = result.options.map((_, i) => i);
    const matrix = (rows: readonly (readonly number[])[]): Record<string, Record<string, number>> =>
      byLabel(all, label, (a) => byLabel(all.filter((b) => b !== a), label, (b) => rows[a]![b]!));
    return {
      ranking: result.ranking.map(label),
      places: byLabel(result.ranking, label, (o) => result.places[o]!),
      condorcetWinner: result.condorcetWinner === null ? null : label(result.condorcetWinner),
      pairwise: matrix(result.pairwise),
      paths: matrix(result.paths),
    };
  },
  text: (json) => {
    const names = json.ranking ?? [];
    return [
      'Pairwise matrix (row preferred to column):',
      ...textTable([['', ...names], ...names.map((a) => [a, ...names.map((b) => (a === b ? '-' : String(json.pairwise?.[a]?.[b] ?? 0)))])]),
      `Condorcet winner: ${json.condorcetWinner ?? 'none'}`,
      'Ranking:',
      ...names.map((name) => `  ${json.places?.[name]}. ${name}`),
      '',
    ];
  },
  csv: (result, label) => [
    ['option', 'place', 'retained', ...result.ranking.map(label)],
    ...result.ranking.map((a) => [
      label(a),
      String(result.places[a]),
      yesNo(result.winners.includes(a)),
      ...result.ranking.map((b) => (a === b ? '' : String(result.pairwise[a]![b]))),
    ]),
  ],
  csvHelp: 'option,place,retained and the pairwise matrix',
} satisfies MethodDefinition<'schulze'>;
