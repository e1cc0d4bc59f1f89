// A result as a readable plain-text report: method and rules, valid and blank ballots, every round
// or stage (IRV/STV) or the scores (plurality/Borda) or the pairwise matrix (Schulze), the options
// retained and every tie with how it was broken.
import { toResultJson } from './result-json.js';
import type { IrvRoundJson, StvStageJson } from './result-json.js';
import type { CountResult } from './types.js';

export function formatResultText(result: CountResult): string {
  const json = toResultJson(result);
  const lines: string[] = [];
  lines.push(`Method: ${json.method} (${json.seats} seat${json.seats === 1 ? '' : 's'})`);
  lines.push(`Rules: ${json.rules}`);
  lines.push(`Valid ballots: ${json.valid}   Blank ballots: ${json.blank}`);
  if (json.quota !== undefined) lines.push(`Quota: ${json.quota}`);
  lines.push('');
  if (result.method === 'irv') {
    for (const r of json.rounds as IrvRoundJson[]) {
      lines.push(`Round ${r.round}${json.seats > 1 ? ` (seat ${r.seat})` : ''}`);
      lines.push(...table(Object.entries(r.votes).map(([name, v]) => [name, String(v)])));
      lines.push(`  Exhausted: ${r.exhausted}   Continuing: ${r.continuing}`);
      if (r.elected.length > 0) lines.push(`  Elected: ${r.elected.join(', ')}`);
      if (r.excluded.length > 0) {
        const moved = Object.entries(r.transfers?.to ?? {}).map(([name, v]) => `${name} +${v}`);
        moved.push(`exhausted +${r.transfers?.exhausted ?? 0}`);
        lines.push(`  Excluded: ${r.excluded.join(', ')}; transfers: ${moved.join(', ')}`);
      }
      lines.push('');
    }
  } else if (result.method === 'stv') {
    for (const s of json.rounds as StvStageJson[]) {
      const action =
        s.action === 'first-count' ? 'first count' : s.action === 'surplus' ? `surplus of ${s.option} (${s.surplus})` : `exclusion of ${s.option}`;
      lines.push(`Stage ${s.round}: ${action}`);
      lines.push(...table(Object.entries(s.votes).map(([name, v]) => [name, v])));
      if (s.transfers) {
        const moved = Object.entries(s.transfers.to).map(([name, v]) => `${name} +${v}`);
        lines.push(`  Transfers: ${[...moved, `exhausted +${s.transfers.exhausted}`, `lost +${s.transfers.lost}`].join(', ')}`);
      }
      lines.push(`  Exhausted: ${s.exhausted}   Lost to truncation: ${s.lost}`);
      if (s.elected.length > 0) lines.push(`  Elected: ${s.elected.join(', ')}`);
      lines.push('');
    }
  } else if (result.method === 'schulze') {
    const names = json.ranking ?? [];
    lines.push('Pairwise matrix (row preferred to column):');
    lines.push(...table([['', ...names], ...names.map((a) => [a, ...names.map((b) => (a === b ? '-' : String(json.pairwise?.[a]?.[b] ?? 0)))])]));
    lines.push(`Condorcet winner: ${json.condorcetWinner ?? 'none'}`);
    lines.push('Ranking:');
    names.forEach((name) => lines.push(`  ${json.places?.[name]}. ${name}`));
    lines.push('');
  } else {
    lines.push(json.method === 'borda' ? 'Borda scores:' : 'First preferences:');
    lines.push(...table((json.ranking ?? []).map((name) => [`${json.places?.[name]}. ${name}`, String(json.scores?.[name] ?? 0)])));
    lines.push('');
  }
  lines.push(`Retained: ${json.winners.length > 0 ? json.winners.join(', ') : 'none (no valid ballots)'}`);
  if (json.ties.length === 0) {
    lines.push('Ties: none');
  } else {
    lines.push('Ties:');
    for (const t of json.ties) {
      lines.push(`  round ${t.round}, ${t.kind}: ${t.between.join(', ')} -> ${t.chosen} (by ${t.resolvedBy === 'lot' ? 'lot' : 'earlier rounds'})`);
    }
  }
  lines.push(`Seed of the lot: ${json.seed}${json.lotDrawn ? '' : ' (no lot drawn)'}`);
  return `${lines.join('\n')}\n`;
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => {
    const text = row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    return `  ${text}`.trimEnd();
  });
}
