import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { BallotFileError, parseBallotFile, writeBallotFile } from '../../server/ballot-files/index.js';
import { rankingAt } from '../../server/tally/index.js';
import type { BallotSet } from '../../server/tally/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The ballots as sorted "count: A > B" lines, independent of the grouping order. */
const describeSet = (options: readonly string[], set: BallotSet): string[] =>
  Array.from({ length: set.size }, (_, g) => `${set.counts[g]}: ${rankingAt(set, g).map((o) => options[o]).join(' > ')}`).sort();

describe('ballot-files/parse', () => {
  it('reads counts, partial rankings and blank rows; options are the sorted names', () => {
    const parsed = parseBallotFile(fixture('ballots-small.csv'));
    expect(parsed.options).to.deep.equal(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    expect(describeSet(parsed.options, parsed.ballots)).to.deep.equal([
      '10: Delta > Charlie',
      '20: Charlie > Bravo',
      '25: Bravo > Charlie',
      '40: Alpha > Bravo > Charlie',
    ]);
    expect(parsed.ballots.valid).to.equal(95);
    expect(parsed.ballots.blank).to.equal(5);
    expect(parsed.rows).to.equal(5);
    expect(parsed.rejected).to.deep.equal([]);
  });

  it('accepts a byte-order mark, CRLF line ends, RFC 4180 quoting and ignores other columns', () => {
    const parsed = parseBallotFile(fixture('ballots-quoted.csv'));
    expect(parsed.options).to.deep.equal(['Other', 'Return, circular', 'Say "yes"']);
    expect(describeSet(parsed.options, parsed.ballots)).to.deep.equal(['1: Other', '2: Return, circular > Say "yes"']);
  });

  it('reads a quoted cell that spans lines and keeps counting lines right after it', () => {
    const parsed = parseBallotFile('rank_1,rank_2\n"Two\nlines",B\nB,B\n');
    expect(parsed.options).to.deep.equal(['B', 'Two\nlines']);
    expect(parsed.rejected).to.deep.equal([{ line: 4, reason: '"B" is ranked more than once (again at rank_2)' }]);
  });

  it('defaults the count to 1 without a count column', () => {
    const parsed = parseBallotFile('rank_1,rank_2\nA,B\nA,B\nB,\n');
    expect(describeSet(parsed.options, parsed.ballots)).to.deep.equal(['1: B', '2: A > B']);
  });

  it('rejects a bad count, a gap and a repeat, each with its line number and reason', () => {
    const parsed = parseBallotFile(fixture('ballots-invalid.csv'));
    expect(parsed.rejected).to.deep.equal([
      { line: 3, reason: 'count must be a positive whole number, not "two"' },
      { line: 4, reason: 'rank_2 is empty but rank_3 is not (a gap)' },
      { line: 5, reason: '"Bravo" is ranked more than once (again at rank_2)' },
    ]);
    expect(parsed.ballots.valid).to.equal(7);
    expect(parsed.rows).to.equal(5);
  });

  it('rejects a zero count and a row wider than the header', () => {
    const parsed = parseBallotFile('count,rank_1\n0,A\n1,A,B\n"1",A,B\n');
    expect(parsed.rejected.map((r) => r.line)).to.deep.equal([2, 3, 4]);
    expect(parsed.rejected[1]!.reason).to.equal('the row has 3 cells but the header has 2');
  });

  it('refuses a file without a header, without rank_1 or with a missing rank column', () => {
    expect(() => parseBallotFile('')).to.throw(BallotFileError, /empty/);
    expect(() => parseBallotFile('count,first,second\n1,A,B\n')).to.throw(BallotFileError, /no rank_1 column/);
    expect(() => parseBallotFile('count,rank_1,rank_3\n1,A,B\n')).to.throw(BallotFileError, /no rank_2 column/);
    expect(() => parseBallotFile('rank_1\n"A\n')).to.throw(BallotFileError, /line 2: a quoted cell is never closed/);
  });

  it('reads back what writeBallotFile wrote', () => {
    const parsed = parseBallotFile(fixture('ballots-small.csv') + '2,"Echo, ""the"" fifth",Alpha,\n');
    const again = parseBallotFile(writeBallotFile(parsed.options, parsed.ballots, { bom: true }));
    expect(again.options).to.deep.equal(parsed.options);
    expect(describeSet(again.options, again.ballots)).to.deep.equal(describeSet(parsed.options, parsed.ballots));
    expect(again.ballots.blank).to.equal(5);
  });

  it('reads a file written with semicolons, as the export for Excel set to French or Spanish writes it, the same as with commas', () => {
    const commas = parseBallotFile('count,rank_1,rank_2\r\n3,Alpha,"Bravo; Charlie"\r\n2,"Delta, Echo",\r\n');
    const semicolons = parseBallotFile('\uFEFFcount;rank_1;rank_2\r\n3;Alpha;"Bravo; Charlie"\r\n2;"Delta, Echo";\r\n');
    expect(semicolons.options).to.deep.equal(['Alpha', 'Bravo; Charlie', 'Delta, Echo']);
    expect(semicolons.rejected).to.deep.equal([]);
    expect(describeSet(semicolons.options, semicolons.ballots)).to.deep.equal(describeSet(commas.options, commas.ballots));
    expect(describeSet(parseBallotFile('count;rank_1;rank_2\n4;B;A\n').options, parseBallotFile('count;rank_1;rank_2\n4;B;A\n').ballots)).to.deep.equal(['4: B > A']);
  });
});
