// STV values are integers counting hundred-thousandths of a vote (five decimal places), as the
// Scottish rules require. They stay exact in a Number up to Number.MAX_SAFE_INTEGER, that is
// about 90 billion ballots; products that could exceed it go through BigInt.

/** One whole vote in hundred-thousandths. */
export const ONE = 100_000;

/** The most ballots whose values (times ONE) stay exact. */
export const MAX_EXACT_BALLOTS = Math.floor(Number.MAX_SAFE_INTEGER / ONE);

/** floor(a × b ÷ c) for non-negative safe integers a, b and positive c, exactly. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) {
    let q = Math.floor(product / c);
    // The division is rounded to nearest; nudge the quotient to the exact floor.
    if (q * c > product) q -= 1;
    else if ((q + 1) * c <= product) q += 1;
    return q;
  }
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** Whole votes to hundred-thousandths. */
export function toFixed5(whole: number): number {
  return whole * ONE;
}

/** Hundred-thousandths as an exact decimal string with five places, e.g. 1234567 → "12.34567". */
export function formatFixed5(value: number): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const whole = Math.floor(abs / ONE);
  const fraction = String(abs - whole * ONE).padStart(5, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
