// A result as API.md's JSON object, with option labels as keys; the CLI and the app's JSON API
// both print this. STV vote values are strings with exactly five decimals ("1234.56789"), so
// that they stay exact whatever reads them; the quota and every other count are JSON integers.
// Round and stage `votes` list the options still in the count (IRV: continuing; STV: continuing
// or elected); excluded options, and under sequential IRV the options already retained, are left out.
import { methodDefinition } from './methods.js';
import type { CountResult, Method, OptionIndex, RetentionReason, StvStage, TieBreak } from './types.js';

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
  /** Present when the options were retained without the count choosing among them (types.ts). */
  readonly reason?: RetentionReason;
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
  return methodDefinition(method).rules(seats);
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
    ...(result.reason === null ? {} : { reason: result.reason }),
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
  return { ...base, ...methodDefinition(result.method).json(result, label), ...tail };
}
