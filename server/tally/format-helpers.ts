// Small pieces the methods' JSON, text and CSV sections share.
import type { IrvRound, OptionIndex, StvStage } from './types.js';

export function byLabel<T>(list: readonly OptionIndex[], label: (o: OptionIndex) => string, value: (o: OptionIndex) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const o of list) out[label(o)] = value(o);
  return out;
}

export function nonZero(values: readonly number[]): OptionIndex[] {
  return values.flatMap((v, o) => (v !== 0 ? [o] : []));
}

export const yesNo = (yes: boolean): string => (yes ? 'yes' : 'no');

/** Rows of a plain-text table: the first column padded right, the others left. */
export function textTable(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => {
    const text = row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    return `  ${text}`.trimEnd();
  });
}

/** Which options are still in the count at each round (IRV) or stage (STV). */
export function inCountPerRound(
  rounds: readonly (Pick<IrvRound, 'seat' | 'elected' | 'excluded'> | Pick<StvStage, 'elected' | 'excluded'>)[],
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
