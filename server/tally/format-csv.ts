// A result as CSV (RFC 4180, header row first). Shapes:
// - plurality, borda: option,place,score,retained — one row per option, best first.
// - irv: option,round_1,…,round_N,result — an option's votes per round (empty once out of the
//   count), result "retained (seat k)" or "excluded (round r)"; then an "(exhausted)" row.
// - stv: option,stage_1,…,stage_N,result — votes per stage as five-decimal values, result
//   "elected (stage s)" or "excluded (stage s)"; first an "(action)" row naming each stage's
//   action, then the options, then "(exhausted)" and "(lost to truncation)" rows; then "(quota)".
// - schulze: option,place,retained,<each option> — the pairwise matrix, rows in ranking order,
//   cell [row][column] = ballots preferring the row option to the column option.
// Cells that a spreadsheet could read as formulas are left as they are: this is data for replay,
// and the app's exports neutralise them on their own.
import { formatFixed5 } from './fixed-point.js';
import { inCountPerRound } from './result-json.js';
import type { CountResult, OptionIndex } from './types.js';

export function formatResultCsv(result: CountResult): string {
  const label = (o: OptionIndex): string => result.options[o]!;
  const rows: string[][] = [];
  switch (result.method) {
    case 'plurality':
    case 'borda': {
      rows.push(['option', 'place', 'score', 'retained']);
      for (const o of result.ranking) {
        rows.push([label(o), String(result.places[o]), String(result.scores[o]), yesNo(result.winners.includes(o))]);
      }
      break;
    }
    case 'irv': {
      const inCount = inCountPerRound(result.rounds, result.options.length, true);
      rows.push(['option', ...result.rounds.map((r) => `round_${r.round}`), 'result']);
      result.options.forEach((_, o) => {
        const seat = result.winners.indexOf(o);
        const lastRound = result.rounds.findLast((r) => r.excluded.includes(o) && seat < 0);
        const outcome = seat >= 0 ? `retained (seat ${seat + 1})` : lastRound ? `excluded (round ${lastRound.round})` : '';
        rows.push([label(o), ...result.rounds.map((r, i) => (inCount[i]![o] ? String(r.votes[o]) : '')), outcome]);
      });
      rows.push(['(exhausted)', ...result.rounds.map((r) => String(r.exhausted)), '']);
      break;
    }
    case 'stv': {
      const stages = result.rounds;
      rows.push(['option', ...stages.map((s) => `stage_${s.round}`), 'result']);
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
      break;
    }
    case 'schulze': {
      rows.push(['option', 'place', 'retained', ...result.ranking.map(label)]);
      for (const a of result.ranking) {
        rows.push([
          label(a),
          String(result.places[a]),
          yesNo(result.winners.includes(a)),
          ...result.ranking.map((b) => (a === b ? '' : String(result.pairwise[a]![b]))),
        ]);
      }
      break;
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const yesNo = (yes: boolean): string => (yes ? 'yes' : 'no');

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
