// Single transferable vote under the Scottish STV rules (Scottish Local Government Elections Order
// 2007, schedule 1, rules 46-52: the Weighted Inclusive Gregory Method), as PRODUCT.md states them.
// Interpretations, where the rules leave a choice to the implementer:
// - All values are integers in hundred-thousandths (fixed-point.ts). A paper's transfer value is
//   surplus × its current value ÷ the candidate's total, truncated to five decimals; what the
//   truncation drops is recorded as "lost" (the rules' non-transferable value lost in rounding).
// - Identical rankings travel together, so each distinct ranking is one bundle of papers with one
//   current value; a bundle whose value truncates to 0 is set aside (its value is in "lost").
// - Each stage transfers one surplus or one exclusion. Pending surpluses go largest first; equal
//   surpluses go in the order the candidates were elected, which is the order the rule (more votes
//   at the latest stage where they differed, then lot) gives. A candidate elected during a stage
//   gets no further papers; its surplus waits its turn among the pending ones.
// - An excluded candidate's papers are all transferred in one stage, each at its current value.
// - When the continuing candidates are no more than the seats left, they are all elected at once,
//   most votes first; a surplus then left untransferred is not transferred.
import { formatFixed5, MAX_EXACT_BALLOTS, mulDivFloor, ONE } from './fixed-point.js';
import { byLabel, nonZero, textTable } from './format-helpers.js';
import type { Label, MethodDefinition, MethodOutcome } from './method-definition.js';
import type { StvStageJson } from './result-json.js';
import type { TieBreaker } from './ties.js';
import { NO_OPTION, type TraceRecorder } from './trace.js';
import type { BallotSet, OptionIndex, StvStage } from './types.js';

const NONE = -1;
const CONTINUING = 0;
const ELECTED = 1;
const EXCLUDED = 2;

type MutableStage = { -readonly [K in keyof StvStage]: StvStage[K] } & { elected: OptionIndex[] };

/** A stage before anything happened in it; its action may still change (a surplus or an exclusion). */
function newStage(round: number, action: StvStage['action']): MutableStage {
  return { round, action, option: null, surplus: 0, votes: [], transfers: null, elected: [], excluded: [], exhausted: 0, lost: 0, inCount: [], transferValue: null };
}

export function droopQuota(valid: number, seats: number): number {
  return Math.floor(valid / (seats + 1)) + 1;
}

export function countStv(
  options: readonly string[],
  set: BallotSet,
  seats: number,
  tieBreaker: TieBreaker,
  trace: TraceRecorder | null = null,
): MethodOutcome<'stv'> {
  if (set.valid > MAX_EXACT_BALLOTS) throw new RangeError('too many ballots for exact STV values');
  const n = set.optionCount;
  const quota = droopQuota(set.valid, seats);
  const base = { method: 'stv' as const, options, seats, valid: set.valid, blank: set.blank, quota };
  if (set.valid === 0) return { ...base, winners: [], rounds: [] };

  const quotaValue = quota * ONE;
  const totalValue = set.valid * ONE;
  const { offsets, choices, counts, size } = set;
  const status = new Uint8Array(n);
  const votes = new Float64Array(n);
  const head = new Int32Array(n).fill(NONE);
  const next = new Int32Array(size);
  const position = new Int32Array(size);
  const value = new Int32Array(size).fill(ONE);
  const electedAt = new Int32Array(n);
  const winners: OptionIndex[] = [];
  const pending: OptionIndex[] = [];
  const stages: MutableStage[] = [];
  const history: Float64Array[] = [];
  let continuingCount = n;
  let exhausted = 0;
  let lost = 0;

  for (let g = 0; g < size; g++) {
    const o = choices[offsets[g]!]!;
    position[g] = offsets[g]!;
    votes[o] = votes[o]! + counts[g]! * ONE;
    next[g] = head[o]!;
    head[o] = g;
  }

  const pickBy = (
    candidates: OptionIndex[],
    want: 'most' | 'fewest',
    kind: 'election' | 'exclusion',
    round: number,
  ): OptionIndex => {
    let best = votes[candidates[0]!]!;
    for (const o of candidates) {
      const v = votes[o]!;
      if (want === 'most' ? v > best : v < best) best = v;
    }
    const tied = candidates.filter((o) => votes[o] === best);
    return tied.length === 1 ? tied[0]! : tieBreaker.settle(tied, history, want, round, kind);
  };

  const elect = (candidates: OptionIndex[], stage: MutableStage, round: number): void => {
    const left = [...candidates];
    while (left.length > 0) {
      const chosen = pickBy(left, 'most', 'election', round);
      left.splice(left.indexOf(chosen), 1);
      status[chosen] = ELECTED;
      continuingCount--;
      winners.push(chosen);
      stage.elected.push(chosen);
      electedAt[chosen] = round;
      if (votes[chosen]! > quotaValue) pending.push(chosen);
    }
  };

  const closeStage = (stage: MutableStage): void => {
    stage.votes = Array.from(votes);
    stage.exhausted = exhausted;
    stage.lost = lost;
    stages.push(stage);
    history.push(votes.slice());
    if (trace) {
      // Where each bundle's papers are as the stage's votes are taken, at what value each.
      const step = trace.step(ONE, size);
      for (let g = 0; g < size; g++) {
        const v = value[g]!;
        const p = position[g]!;
        step.options[g] = v === 0 || p === offsets[g + 1]! ? NO_OPTION : choices[p]!;
        step.weights[g] = v;
      }
    }
    let sum = exhausted + lost;
    for (let o = 0; o < n; o++) sum += votes[o]!;
    if (sum !== totalValue) {
      throw new Error(`STV stage ${stages.length}: ${formatFixed5(sum)} votes accounted, not ${set.valid}`);
    }
    const reaching: OptionIndex[] = [];
    for (let o = 0; o < n; o++) if (status[o] === CONTINUING && votes[o]! >= quotaValue) reaching.push(o);
    // A Droop quota cannot be reached by more candidates than there are seats.
    elect(reaching, stage, stages.length);
  };

  // Equal surpluses of candidates elected at different stages go in election order, which is the
  // rule's order (more votes at the latest stage where they differed); recorded as such. Candidates
  // elected at the same stage with equal votes were ordered by the election tie, already recorded.
  const recordSurplusTie = (chosen: OptionIndex, round: number): void => {
    const tied = [chosen, ...pending.filter((o) => votes[o] === votes[chosen])];
    if (tied.length > 1 && tied.some((o) => electedAt[o] !== electedAt[chosen])) {
      tieBreaker.record({ round, kind: 'surplus', between: tied, chosen, resolvedBy: 'previous-round' });
    }
  };

  // Moves every bundle of `from` to its next continuing preference; `newValue` gives its new value per paper.
  const transferBundles = (
    from: OptionIndex,
    newValue: (current: number) => number,
  ): { to: number[]; exhausted: number; lost: number } => {
    const to = new Array<number>(n).fill(0);
    let toExhausted = 0;
    let g = head[from]!;
    head[from] = NONE;
    while (g !== NONE) {
      const following = next[g]!;
      const v = newValue(value[g]!);
      value[g] = v;
      if (v > 0) {
        const end = offsets[g + 1]!;
        let p = position[g]! + 1;
        while (p < end && status[choices[p]!] !== CONTINUING) p++;
        position[g] = p;
        const moved = v * counts[g]!;
        if (p === end) {
          toExhausted += moved;
        } else {
          const o = choices[p]!;
          votes[o] = votes[o]! + moved;
          to[o] = to[o]! + moved;
          next[g] = head[o]!;
          head[o] = g;
        }
      }
      g = following;
    }
    exhausted += toExhausted;
    return { to, exhausted: toExhausted, lost: 0 };
  };

  const first = newStage(1, 'first-count');
  closeStage(first);

  while (winners.length < seats && continuingCount > 0) {
    const last = stages[stages.length - 1]!;
    if (continuingCount <= seats - winners.length) {
      const rest: OptionIndex[] = [];
      for (let o = 0; o < n; o++) if (status[o] === CONTINUING) rest.push(o);
      elect(rest, last, last.round);
      break;
    }
    const stage = newStage(stages.length + 1, 'surplus');
    if (pending.length > 0) {
      let chosenAt = 0;
      for (let i = 1; i < pending.length; i++) {
        if (votes[pending[i]!]! > votes[pending[chosenAt]!]!) chosenAt = i;
      }
      const chosen = pending.splice(chosenAt, 1)[0]!;
      recordSurplusTie(chosen, stage.round);
      const total = votes[chosen]!;
      const surplus = total - quotaValue;
      const transfers = transferBundles(chosen, (current) => mulDivFloor(surplus, current, total));
      let moved = transfers.exhausted;
      for (const v of transfers.to) moved += v;
      const dropped = surplus - moved;
      lost += dropped;
      votes[chosen] = quotaValue;
      stage.option = chosen;
      stage.surplus = surplus;
      stage.transfers = { ...transfers, lost: dropped };
    } else {
      const continuing: OptionIndex[] = [];
      for (let o = 0; o < n; o++) if (status[o] === CONTINUING) continuing.push(o);
      const loser = pickBy(continuing, 'fewest', 'exclusion', stage.round);
      status[loser] = EXCLUDED;
      continuingCount--;
      stage.action = 'exclusion';
      stage.option = loser;
      stage.excluded = [loser];
      stage.transfers = transferBundles(loser, (current) => current);
      votes[loser] = 0;
    }
    closeStage(stage);
  }
  return { ...base, winners, rounds: withInCountAndTransferValues(stages, n) };
}

/** Stage `votes` list the options still in the count (continuing or elected); excluded ones are left out. */
/** Each stage's options in the count at its start, and a surplus stage's transfer value. */
function withInCountAndTransferValues(stages: MutableStage[], optionCount: number): MutableStage[] {
  const inCount = new Array<boolean>(optionCount).fill(true);
  stages.forEach((s, i) => {
    s.inCount = [...inCount];
    for (const o of s.excluded) inCount[o] = false;
    if (s.action === 'surplus' && s.option !== null && i > 0) {
      const total = stages[i - 1]!.votes[s.option]!;
      s.transferValue = total > 0 ? mulDivFloor(s.surplus, ONE, total) : null;
    }
  });
  return stages;
}

function stvStagesJson(stages: readonly StvStage[], label: Label): StvStageJson[] {
  return stages.map((s) => {
    const excludedSoFar = new Set(stages.slice(0, s.round).flatMap((t) => t.excluded));
    const present = s.votes.flatMap((_, o) => (excludedSoFar.has(o) ? [] : [o]));
    return {
      round: s.round,
      action: s.action,
      option: s.option === null ? null : label(s.option),
      ...(s.action === 'surplus' ? { surplus: formatFixed5(s.surplus) } : {}),
      votes: byLabel(present, label, (o) => formatFixed5(s.votes[o]!)),
      transfers: s.transfers && {
        to: byLabel(nonZero(s.transfers.to), label, (o) => formatFixed5(s.transfers!.to[o]!)),
        exhausted: formatFixed5(s.transfers.exhausted),
        lost: formatFixed5(s.transfers.lost),
      },
      elected: s.elected.map(label),
      excluded: s.excluded.map(label),
      exhausted: formatFixed5(s.exhausted),
      lost: formatFixed5(s.lost),
    };
  });
}

export const STV = {
  method: 'stv',
  count: countStv,
  progression: 'stages',
  rules: (seats) =>
    `Single transferable vote, Scottish STV rules (Weighted Inclusive Gregory Method), ${seats} seat(s): Droop quota; surpluses transferred largest first at values truncated to five decimals; otherwise the option with the fewest votes is excluded; ties by earlier stages, then by lot.`,
  rulesKey: () => 'stv',
  json: (result, label) => ({ quota: result.quota, rounds: stvStagesJson(result.rounds, label) }),
  text: (json) => {
    const lines: string[] = [];
    for (const s of json.rounds as StvStageJson[]) {
      const action =
        s.action === 'first-count' ? 'first count' : s.action === 'surplus' ? `surplus of ${s.option} (${s.surplus})` : `exclusion of ${s.option}`;
      lines.push(`Stage ${s.round}: ${action}`);
      lines.push(...textTable(Object.entries(s.votes).map(([name, v]) => [name, v])));
      if (s.transfers) {
        const moved = Object.entries(s.transfers.to).map(([name, v]) => `${name} +${v}`);
        lines.push(`  Transfers: ${[...moved, `exhausted +${s.transfers.exhausted}`, `lost +${s.transfers.lost}`].join(', ')}`);
      }
      lines.push(`  Exhausted: ${s.exhausted}   Lost to truncation: ${s.lost}`);
      if (s.elected.length > 0) lines.push(`  Elected: ${s.elected.join(', ')}`);
      lines.push('');
    }
    return lines;
  },
  csv: (result, label) => {
    const stages = result.rounds;
    const rows: string[][] = [['option', ...stages.map((s) => `stage_${s.round}`), 'result']];
    rows.push([
      '(action)',
      ...stages.map((s) => (s.option === null ? 'first count' : `${s.action === 'surplus' ? 'surplus of' : 'exclusion of'} ${label(s.option)}`)),
      '',
    ]);
    result.options.forEach((_, o) => {
      const elected = stages.find((s) => s.elected.includes(o));
      const excluded = stages.find((s) => s.excluded.includes(o));
      const outcome = elected ? `elected (stage ${elected.round})` : excluded ? `excluded (stage ${excluded.round})` : '';
      const cells = stages.map((s) => (excluded && s.round > excluded.round ? '' : formatFixed5(s.votes[o]!)));
      rows.push([label(o), ...cells, outcome]);
    });
    rows.push(['(exhausted)', ...stages.map((s) => formatFixed5(s.exhausted)), '']);
    rows.push(['(lost to truncation)', ...stages.map((s) => formatFixed5(s.lost)), '']);
    rows.push(['(quota)', ...stages.map(() => String(result.quota)), '']);
    return rows;
  },
  csvHelp: `option,stage_1…stage_N,result with (action), (exhausted),
                         (lost to truncation) and (quota) rows; values to five decimals`,
} satisfies MethodDefinition<'stv'>;
