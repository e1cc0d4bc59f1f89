// Schulze. d[a][b] counts the ballots ranking a above b (a ranked option is above every unranked
// one; unranked options are not compared). Strongest paths by winning votes (widest paths,
// Floyd–Warshall). a is ahead of b when p[a][b] > p[b][a]; that relation is transitive, so options
// ordered by how many others they are ahead of give the Schulze ranking, options with equal counts
// being unordered (equal places; a tie across the seat boundary goes to lot).
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

export function countSchulze(
  options: readonly string[],
  set: BallotSet,
  seats: number,
  tieBreaker: TieBreaker,
): MethodOutcome<'schulze'> {
  const n = set.optionCount;
  const d = countPairwise(set);
  const p = strongestPaths(d, n);
  const ahead = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) if (a !== b && p[a * n + b]! > p[b * n + a]!) ahead[a] = ahead[a]! + 1;
  }
  const ranked =
    set.valid === 0 ? { ranking: [], places: [], winners: [] } : rankByScore(options, ahead, seats, tieBreaker);
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
  rules: (seats) => `Schulze: pairwise counts, strongest paths by winning votes; the ${seats} first of the Schulze ranking are retained; ties at the last seat by lot.`,
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
