// Instant-runoff. Each ballot counts for its highest-ranked continuing option; an option with more
// than half of the continuing (non-exhausted) ballots wins; otherwise the option with the fewest
// votes is excluded (ties: ties.ts) and its ballots move on. PRODUCT.md defines IRV for one seat;
// with `seats` > 1 we count sequential IRV: the count is run again from the first preferences with
// the options already retained set aside, until the seats are filled.
//
// Ballots are aggregated rankings; each option keeps a linked list of the rankings that currently
// count for it, so an exclusion only touches the excluded option's ballots.
import { byLabel, inCountPerRound, nonZero, textTable } from './format-helpers.js';
import type { Label, MethodDefinition, MethodOutcome } from './method-definition.js';
import type { IrvRoundJson } from './result-json.js';
import type { TieBreaker } from './ties.js';
import { NO_OPTION, type TraceRecorder } from './trace.js';
import type { BallotSet, IrvRound, OptionIndex } from './types.js';

const NONE = -1;

/** A round as counted; which options were in it is worked out once the rounds are known. */
type CountedRound = Omit<IrvRound, 'inCount'>;

export function countIrv(
  options: readonly string[],
  set: BallotSet,
  seats: number,
  tieBreaker: TieBreaker,
  trace: TraceRecorder | null = null,
): MethodOutcome<'irv'> {
  const n = set.optionCount;
  const winners: OptionIndex[] = [];
  const rounds: CountedRound[] = [];
  const target = set.valid === 0 ? 0 : Math.min(seats, n);
  while (winners.length < target) {
    const winner = countOneSeat(set, winners, winners.length + 1, rounds, tieBreaker, trace);
    winners.push(winner);
  }
  const inCount = inCountPerRound(rounds, n, true);
  return { method: 'irv', options, seats, valid: set.valid, blank: set.blank, winners, rounds: rounds.map((r, i) => ({ ...r, inCount: inCount[i]! })) };
}

function countOneSeat(
  set: BallotSet,
  setAside: readonly OptionIndex[],
  seat: number,
  rounds: CountedRound[],
  tieBreaker: TieBreaker,
  trace: TraceRecorder | null,
): OptionIndex {
  const n = set.optionCount;
  const { offsets, choices, counts, size } = set;
  const continuing = new Uint8Array(n).fill(1);
  for (const o of setAside) continuing[o] = 0;
  let continuingOptions = n - setAside.length;
  const votes = new Float64Array(n);
  const head = new Int32Array(n).fill(NONE);
  const next = new Int32Array(size);
  const position = new Int32Array(size);
  let exhausted = 0;

  for (let g = 0; g < size; g++) {
    let p = offsets[g]!;
    const end = offsets[g + 1]!;
    while (p < end && continuing[choices[p]!] === 0) p++;
    position[g] = p;
    if (p === end) {
      exhausted += counts[g]!;
    } else {
      const o = choices[p]!;
      votes[o] = votes[o]! + counts[g]!;
      next[g] = head[o]!;
      head[o] = g;
    }
  }

  const history: Float64Array[] = [];
  for (;;) {
    const roundNumber = rounds.length + 1;
    const snapshot = votes.slice();
    history.push(snapshot);
    if (trace) recordRound(trace, set, position);
    let total = 0;
    let lowest = Infinity;
    let highest = -1;
    let leader = NONE;
    for (let o = 0; o < n; o++) {
      if (continuing[o] === 0) continue;
      const v = votes[o]!;
      total += v;
      if (v < lowest) lowest = v;
      if (v > highest) {
        highest = v;
        leader = o;
      }
    }
    if (continuingOptions === 1 || highest * 2 > total) {
      rounds.push({
        round: roundNumber,
        seat,
        votes: Array.from(snapshot),
        continuing: total,
        exhausted,
        elected: [leader],
        excluded: [],
        transfers: null,
      });
      return leader;
    }

    const tied: OptionIndex[] = [];
    for (let o = 0; o < n; o++) if (continuing[o] === 1 && votes[o] === lowest) tied.push(o);
    const loser =
      tied.length === 1 ? tied[0]! : tieBreaker.settle(tied, history, 'fewest', roundNumber, 'exclusion');

    continuing[loser] = 0;
    continuingOptions--;
    const to = new Array<number>(n).fill(0);
    let movedToExhausted = 0;
    let g = head[loser]!;
    head[loser] = NONE;
    while (g !== NONE) {
      const following = next[g]!;
      const end = offsets[g + 1]!;
      let p = position[g]! + 1;
      while (p < end && continuing[choices[p]!] === 0) p++;
      position[g] = p;
      const count = counts[g]!;
      if (p === end) {
        movedToExhausted += count;
      } else {
        const o = choices[p]!;
        votes[o] = votes[o]! + count;
        to[o] = to[o]! + count;
        next[g] = head[o]!;
        head[o] = g;
      }
      g = following;
    }
    votes[loser] = 0;
    exhausted += movedToExhausted;
    rounds.push({
      round: roundNumber,
      seat,
      votes: Array.from(snapshot),
      continuing: total,
      exhausted: exhausted - movedToExhausted,
      elected: [],
      excluded: [loser],
      transfers: { to, exhausted: movedToExhausted },
    });
  }
}

/** Where each ranking counts as the round's votes are taken: its position's option, or none past its end. */
function recordRound(trace: TraceRecorder, set: BallotSet, position: Int32Array): void {
  const step = trace.step(1, set.size);
  for (let g = 0; g < set.size; g++) {
    const p = position[g]!;
    step.options[g] = p === set.offsets[g + 1]! ? NO_OPTION : set.choices[p]!;
    step.weights[g] = 1;
  }
}

/** Round `votes` list the options still in the count: excluded ones, and under sequential IRV those already retained, are left out. */
function irvRoundsJson(rounds: readonly IrvRound[], label: Label): IrvRoundJson[] {
  return rounds.map((r) => {
    const present = r.inCount.flatMap((yes, o) => (yes ? [o] : []));
    return {
      round: r.round,
      seat: r.seat,
      votes: byLabel(present, label, (o) => r.votes[o]!),
      continuing: r.continuing,
      exhausted: r.exhausted,
      elected: r.elected.map(label),
      excluded: r.excluded.map(label),
      transfers: r.transfers && {
        to: byLabel(nonZero(r.transfers.to), label, (o) => r.transfers!.to[o]!),
        exhausted: r.transfers.exhausted,
      },
    };
  });
}

export const IRV = {
  method: 'irv',
  count: countIrv,
  progression: 'rounds',
  rules: (seats) =>
    seats === 1
      ? 'Instant-runoff: an option with more than half of the continuing ballots wins; otherwise the option with the fewest votes is excluded and its ballots move on; ties by earlier rounds, then by lot.'
      : `Sequential instant-runoff for ${seats} seats: an instant-runoff count per seat, options already retained set aside; ties by earlier rounds, then by lot.`,
  rulesKey: (seats) => (seats === 1 ? 'irv' : 'irvSequential'),
  json: (result, label) => ({ rounds: irvRoundsJson(result.rounds, label) }),
  text: (json) => {
    const lines: string[] = [];
    for (const r of json.rounds as IrvRoundJson[]) {
      lines.push(`Round ${r.round}${json.seats > 1 ? ` (seat ${r.seat})` : ''}`);
      lines.push(...textTable(Object.entries(r.votes).map(([name, v]) => [name, String(v)])));
      lines.push(`  Exhausted: ${r.exhausted}   Continuing: ${r.continuing}`);
      if (r.elected.length > 0) lines.push(`  Elected: ${r.elected.join(', ')}`);
      if (r.excluded.length > 0) {
        const moved = Object.entries(r.transfers?.to ?? {}).map(([name, v]) => `${name} +${v}`);
        moved.push(`exhausted +${r.transfers?.exhausted ?? 0}`);
        lines.push(`  Excluded: ${r.excluded.join(', ')}; transfers: ${moved.join(', ')}`);
      }
      lines.push('');
    }
    return lines;
  },
  csv: (result, label) => {
    const rows: string[][] = [['option', ...result.rounds.map((r) => `round_${r.round}`), 'result']];
    result.options.forEach((_, o) => {
      const seat = result.winners.indexOf(o);
      const lastRound = result.rounds.findLast((r) => r.excluded.includes(o) && seat < 0);
      const outcome = seat >= 0 ? `retained (seat ${seat + 1})` : lastRound ? `excluded (round ${lastRound.round})` : '';
      rows.push([label(o), ...result.rounds.map((r) => (r.inCount[o] ? String(r.votes[o]) : '')), outcome]);
    });
    rows.push(['(exhausted)', ...result.rounds.map((r) => String(r.exhausted)), '']);
    return rows;
  },
  csvHelp: 'option,round_1…round_N,result and an (exhausted) row',
} satisfies MethodDefinition<'irv'>;
