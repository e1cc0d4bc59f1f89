// Synthetic, seeded ballot sets for the benchmark: partial rankings drawn from a Plackett–Luce
// model (options of unequal popularity, each next choice drawn among the options not yet ranked
// in proportion to their weights), of lengths 1 … n with short rankings more frequent.
import { createRng } from '../server/tally/rng.js';

export interface RawBallots {
  readonly options: string[];
  /** Ballot b ranks choices[offsets[b]] … choices[offsets[b + 1] - 1]. */
  readonly offsets: Int32Array;
  readonly choices: Int32Array;
  readonly size: number;
}

export function generateBallots(size: number, optionCount: number, seed: string): RawBallots {
  const rng = createRng(seed);
  const random = (): number => rng.nextUint32() / 2 ** 32;
  const options = Array.from({ length: optionCount }, (_, i) => `Option ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`);
  const weights = options.map((_, i) => 1 / (i + 1) ** 0.7);
  const offsets = new Int32Array(size + 1);
  const choices = new Int32Array(size * optionCount);
  const taken = new Uint8Array(optionCount);
  let used = 0;
  for (let b = 0; b < size; b++) {
    // Length: 1 with probability 0.3, else one more per step with probability 0.7.
    let length = 1;
    while (length < optionCount && random() < 0.7) length++;
    taken.fill(0);
    let remaining = 0;
    for (const w of weights) remaining += w;
    for (let k = 0; k < length; k++) {
      let pick = random() * remaining;
      let o = 0;
      for (; o < optionCount; o++) {
        if (taken[o]) continue;
        pick -= weights[o]!;
        if (pick <= 0) break;
      }
      if (o === optionCount) for (o = optionCount - 1; taken[o]; o--);
      taken[o] = 1;
      remaining -= weights[o]!;
      choices[used++] = o;
    }
    offsets[b + 1] = used;
  }
  return { options, offsets, choices: choices.slice(0, used), size };
}

/** The ballots as a ballot file, one row per ballot (count 1), as an export would list them. */
export function toBallotFileText(raw: RawBallots): string {
  const n = raw.options.length;
  const header = ['count', ...raw.options.map((_, k) => `rank_${k + 1}`)].join(',');
  const parts: string[] = [header];
  for (let b = 0; b < raw.size; b++) {
    const start = raw.offsets[b]!;
    const end = raw.offsets[b + 1]!;
    let row = '1';
    for (let i = start; i < end; i++) row += `,${raw.options[raw.choices[i]!]}`;
    row += ','.repeat(n - (end - start));
    parts.push(row);
  }
  return `${parts.join('\n')}\n`;
}
