// A result as a readable plain-text report: method and rules, valid and blank ballots, the
// method's own section (every round or stage, the scores, or the pairwise matrix), the options
// retained and every tie with how it was broken.
import { methodDefinition } from './methods.js';
import { toResultJson } from './result-json.js';
import type { CountResult } from './types.js';

export function formatResultText(result: CountResult): string {
  const json = toResultJson(result);
  const lines: string[] = [];
  lines.push(`Method: ${json.method} (${json.seats} seat${json.seats === 1 ? '' : 's'})`);
  lines.push(`Rules: ${json.rules}`);
  lines.push(`Valid ballots: ${json.valid}   Blank ballots: ${json.blank}`);
  if (json.quota !== undefined) lines.push(`Quota: ${json.quota}`);
  lines.push('');
  lines.push(...methodDefinition(result.method).text(json));
  lines.push(`Retained: ${json.winners.length > 0 ? json.winners.join(', ') : 'none (no valid ballots)'}`);
  if (json.reason === 'seats-cover-options') {
    lines.push(`  (${json.seats} seat${json.seats === 1 ? '' : 's'} for ${json.winners.length} option${json.winners.length === 1 ? '' : 's'} ranked on any ballot: every one is retained, the count does not choose)`);
  }
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
