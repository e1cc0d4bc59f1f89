import { expect } from 'chai';
import { stringify } from 'csv-stringify/sync';
import { parseBallotFile, writeBallotFile } from '../../server/ballot-files/index.js';
import { aggregateRankings, countQuestion, csvCell, csvRow, formatResultCsv } from '../../server/tally/index.js';

const AWKWARD = [
  '', 'plain', 'Return migration', 'a,b', 'a;b', 'say "hi"', 'two\nlines', 'cr\rline', 'crlf\r\nline', '=SUM(A1)', '+1', '-1', '@cmd', '\tTab', '\rCR',
  '\uFF1Dwide', '\uFF0Bwide', '\uFF0Dwide', '\uFF20wide', 'ok\n=HYPERLINK("x")', 'ok\r+1', 'ok\n-1\n@x', 'ends\r', "'already", 'Développement, retour', ' =space first',
];

describe('tally/csv-cell: one CSV cell writer', () => {
  it('writes export rows byte for byte as csv-stringify with escape_formulas and the exports’ line-break rule did, for both separators', () => {
    const FORMULA_AFTER_BREAK = /([\r\n])([=+\-@\t\r])/g;
    const rows = [AWKWARD, [1, -1, 0, 4.5, null, 'x', -2.25]];
    for (const delimiter of [',', ';']) {
      const before = stringify(rows, {
        delimiter, escape_formulas: true, record_delimiter: '\r\n',
        cast: { string: (value: string) => (value.includes('\n') || value.includes('\r') ? value.replace(FORMULA_AFTER_BREAK, "$1'$2") : value) },
      });
      expect(rows.map((row) => csvRow(row, { delimiter, neutraliseFormulas: true, quoteLoneLineBreaks: false })).join(''), delimiter).to.equal(before);
    }
  });

  it('leaves formulas alone for ballot files and the tally report, quoting only what RFC 4180 needs, as both did before', () => {
    const before = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    for (const value of AWKWARD) expect(csvCell(value), JSON.stringify(value)).to.equal(before(value));
  });

  it('neutralises the same cells whichever writes them: exports do, ballot files and the tally report keep the names to replay', () => {
    const names = ['=A', '+B', 'C, "c"'];
    const ballots = aggregateRankings([{ ranking: [0, 1, 2], count: 2 }, { ranking: [2], count: 1 }], names.length);
    const file = writeBallotFile(names, ballots);
    expect(file.split('\n')[1]).to.equal(`2,${names.map((n) => csvCell(n)).join(',')}`);
    expect(parseBallotFile(file).options).to.have.members(names);
    const report = formatResultCsv(countQuestion({ method: 'plurality', options: names, ballots }));
    expect(report).to.include('=A,').and.include('"C, ""c""",');
    expect(csvRow(names, { neutraliseFormulas: true })).to.equal(`'=A,'+B,"C, ""c"""\r\n`);
  });
});
