// A result as API.md's JSON object, with option labels as keys; the CLI and the app's JSON API
// both print this. STV vote values are strings with exactly five decimals ("1234.56789"), so
// that they stay exact whatever reads them; the quota and every other count are JSON integers.
// Round and stage `votes` list the options still in the count (IRV: continuing; STV: continuing
// or elected); excluded options, and under sequential IRV the options already retained, are left out.
import { formatFixed5 } from './fixed-point.js';
import type { CountResult, IrvRound, Method, OptionIndex, StvStage, TieBreak } from './types.js';

export interface TieJson {
  readonly round: number;
  readonly kind: TieBreak['kind'];
  readonly between: string[];
  readonly chosen: string;
  readonly resolvedBy: TieBreak['resolvedBy'];
}

export interface IrvRoundJson {
  readonly round: number;
  readonly seat: number;
  readonly votes: Record<string, number>;
  readonly continuing: number;
  readonly exhausted: number;
  readonly elected: string[];
  readonly excluded: string[];
  readonly transfers: { readonly to: Record<string, number>; readonly exhausted: number } | null;
}

export interface StvStageJson {
  readonly round: number;
  readonly action: StvStage['action'];
  readonly option: string | null;
  readonly surplus?: string;
  readonly votes: Record<string, string>;
  readonly transfers: { readonly to: Record<string, string>; readonly exhausted: string; readonly lost: string } | null;
  readonly elected: string[];
  readonly excluded: string[];
  readonly exhausted: string;
  readonly lost: string;
}

export interface ResultJson {
  readonly method: Method;
  readonly rules: string;
  readonly seats: number;
  readonly valid: number;
  readonly blank: number;
  readonly winners: string[];
  readonly quota?: number;
  readonly rounds?: IrvRoundJson[] | StvStageJson[];
  readonly ranking?: string[];
  readonly places?: Record<string, number>;
  readonly scores?: Record<string, number>;
  readonly pairwise?: Record<string, Record<string, number>>;
  readonly paths?: Record<string, Record<string, number>>;
  readonly condorcetWinner?: string | null;
  readonly ties: TieJson[];
  readonly seed: string;
  readonly lotDrawn: boolean;
}

/** One sentence stating the rules a method counts by. */
export function describeRules(method: Method, seats: number): string {
  switch (method) {
    case 'plurality':
      return `Plurality: first preferences; the ${seats} option(s) with the most are retained; ties at the last seat by lot.`;
    case 'borda':
      return `Borda: with n options, an option ranked r-th scores n - r, unranked options 0; the ${seats} highest are retained; ties at the last seat by lot.`;
    case 'irv':
      return seats === 1
        ? 'Instant-runoff: an option with more than half of the continuing ballots wins; otherwise the option with the fewest votes is excluded and its ballots move on; ties by earlier rounds, then by lot.'
        : `Sequential instant-runoff for ${seats} seats: an instant-runoff count per seat, options already retained set aside; ties by earlier rounds, then by lot.`;
    case 'stv':
      return `Single transferable vote, Scottish STV rules (Weighted Inclusive Gregory Method), ${seats} seat(s): Droop quota; surpluses transferred largest first at values truncated to five decimals; otherwise the option with the fewest votes is excluded; ties by earlier stages, then by lot.`;
    case 'schulze':
      return `Schulze: pairwise counts, strongest paths by winning votes; the ${seats} first of the Schulze ranking are retained; ties at the last seat by lot.`;
  }
}

export function toResultJson(result: CountResult): ResultJson {
  const label = (o: OptionIndex): string => result.options[o]!;
  const labels = (list: readonly OptionIndex[]): string[] => list.map(label);
  const base = {
    method: result.method,
    rules: describeRules(result.method, result.seats),
    seats: result.seats,
    valid: result.valid,
    blank: result.blank,
    winners: labels(result.winners),
  };
  const tail = {
    ties: result.ties.map((t) => ({
      round: t.round,
      kind: t.kind,
      between: labels(t.between),
      chosen: label(t.chosen),
      resolvedBy: t.resolvedBy,
    })),
    seed: result.seed,
    lotDrawn: result.lotDrawn,
  };
  switch (result.method) {
    case 'plurality':
    case 'borda':
      return {
        ...base,
        ranking: labels(result.ranking),
        places: byLabel(result.ranking, label, (o) => result.places[o]!),
        scores: byLabel(result.ranking, label, (o) => result.scores[o]!),
        ...tail,
      };
    case 'irv':
      return { ...base, rounds: irvRoundsJson(result.rounds, result.options.length, label), ...tail };
    case 'stv':
      return { ...base, quota: result.quota, rounds: stvStagesJson(result.rounds, label), ...tail };
    case 'schulze': {
      const all = result.options.map((_, i) => i);
      const matrix = (rows: readonly (readonly number[])[]): Record<string, Record<string, number>> =>
        byLabel(all, label, (a) => byLabel(all.filter((b) => b !== a), label, (b) => rows[a]![b]!));
      return {
        ...base,
        ranking: labels(result.ranking),
        places: byLabel(result.ranking, label, (o) => result.places[o]!),
        condorcetWinner: result.condorcetWinner === null ? null : label(result.condorcetWinner),
        pairwise: matrix(result.pairwise),
        paths: matrix(result.paths),
        ...tail,
      };
    }
  }
}

function byLabel<T>(list: readonly OptionIndex[], label: (o: OptionIndex) => string, value: (o: OptionIndex) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const o of list) out[label(o)] = value(o);
  return out;
}

/** Which options are still in the count at each round (IRV) or stage (STV). */
export function inCountPerRound(
  rounds: readonly (IrvRound | StvStage)[],
  optionCount: number,
  keepElected: boolean,
): boolean[][] {
  const out: boolean[][] = [];
  const inCount = new Array<boolean>(optionCount).fill(true);
  const setAside = new Array<boolean>(optionCount).fill(false);
  let seat = 1;
  for (const round of rounds) {
    if ('seat' in round && round.seat !== seat) {
      seat = round.seat;
      for (let o = 0; o < optionCount; o++) inCount[o] = !setAside[o];
    }
    out.push([...inCount]);
    for (const o of round.excluded) inCount[o] = false;
    for (const o of round.elected) {
      if ('seat' in round) setAside[o] = true;
      if (!keepElected) inCount[o] = false;
    }
  }
  return out;
}

function irvRoundsJson(rounds: readonly IrvRound[], optionCount: number, label: (o: OptionIndex) => string): IrvRoundJson[] {
  const inCount = inCountPerRound(rounds, optionCount, true);
  return rounds.map((r, i) => {
    const present = inCount[i]!.flatMap((yes, o) => (yes ? [o] : []));
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

function stvStagesJson(stages: readonly StvStage[], label: (o: OptionIndex) => string): StvStageJson[] {
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

function nonZero(values: readonly number[]): OptionIndex[] {
  return values.flatMap((v, o) => (v !== 0 ? [o] : []));
}
