import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { BallotFileError, looksLikeBlt, parseBltFile } from '../../server/ballot-files/index.js';
import { countQuestion, rankingAt, toResultJson } from '../../server/tally/index.js';
import type { BallotSet, StvResult } from '../../server/tally/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

const describeSet = (options: readonly string[], set: BallotSet): string[] =>
  Array.from({ length: set.size }, (_, g) => `${set.counts[g]}: ${rankingAt(set, g).map((o) => options[o]).join(' > ')}`).sort();

/** The line and reason a BLT text is refused with. */
function refusal(text: string): [number, string] {
  try {
    parseBltFile(text);
  } catch (error) {
    if (error instanceof BallotFileError) return [error.line, error.reason];
    throw error;
  }
  throw new Error('the file was not refused');
}

const NAMES = '"Alpha"\n"Bravo"\n"Charlie"\n"Title"\n';

describe('ballot-files/blt', () => {
  // The worked example of the Wikipedia article "Single transferable vote" (section Example, the
  // food election): 20 guests, 5 candidates, 3 seats, Droop quota 6. Chocolate is elected at once,
  // its surplus of 6 goes to Strawberries (+4) and Sweets (+2); Pears is excluded and elects
  // Oranges; Sweets is excluded and Strawberries takes the last seat.
  it('counts the published food election example to its published result, stage by stage', () => {
    const parsed = parseBltFile(fixture('stv-food-election.blt'));
    expect(parsed.seats).to.equal(3);
    expect(parsed.title).to.equal('Food election: the worked example of the Wikipedia article Single transferable vote');
    expect(parsed.options).to.deep.equal(['Chocolate', 'Oranges', 'Pears', 'Strawberries', 'Sweets']);
    expect(parsed.ballots.valid).to.equal(20);
    const result = countQuestion({ method: 'stv', options: parsed.options, ballots: parsed.ballots, seats: parsed.seats }) as StvResult;
    const json = toResultJson(result);
    expect(json.quota).to.equal(6);
    expect(json.winners).to.deep.equal(['Chocolate', 'Oranges', 'Strawberries']);
    const stages = json.rounds!.map((s) => ('action' in s ? [s.action, s.option, s.elected, s.excluded] : []));
    expect(stages).to.deep.equal([
      ['first-count', null, ['Chocolate'], []],
      ['surplus', 'Chocolate', [], []],
      ['exclusion', 'Pears', ['Oranges'], ['Pears']],
      ['exclusion', 'Sweets', ['Strawberries'], ['Sweets']],
    ]);
    expect(json.rounds![1]!.votes).to.include({ Strawberries: '5.00000', Sweets: '3.00000' });
    expect(json.ties).to.deep.equal([]);
  });

  it('reads weights, ballot ids, blank ballots, names on one line and a byte-order mark', () => {
    const parsed = parseBltFile('\uFEFF3 1\r\n(b1) 4 1 3 0\r\n2 2 0\r\n\r\n1 0\r\n0\r\n"Alpha" "Bravo"\r\n"Charlie"\r\n"A title"\r\n');
    expect(parsed.options).to.deep.equal(['Alpha', 'Bravo', 'Charlie']);
    expect(describeSet(parsed.options, parsed.ballots)).to.deep.equal(['2: Bravo', '4: Alpha > Charlie']);
    expect(parsed.ballots.blank).to.equal(1);
    expect(parsed).to.include({ seats: 1, title: 'A title', rows: 3 });
    expect(parsed.withdrawn).to.deep.equal([]);
  });

  it('leaves withdrawn candidates out, passing over their preferences', () => {
    const parsed = parseBltFile(`3 1\n-2\n3 2 1 0\n2 2 0\n1 3 2 1 0\n0\n${NAMES}`);
    expect(parsed.options).to.deep.equal(['Alpha', 'Charlie']);
    expect(parsed.withdrawn).to.deep.equal(['Bravo']);
    expect(describeSet(parsed.options, parsed.ballots)).to.deep.equal(['1: Charlie > Alpha', '3: Alpha']);
    expect(parsed.ballots.blank).to.equal(2);
    expect(parseBltFile(`3 1\n-1 -3\n1 2 0\n0\n${NAMES}`).withdrawn).to.deep.equal(['Alpha', 'Charlie']);
  });

  it('keeps names in NFC and reports names that look alike', () => {
    const parsed = parseBltFile('2 1\n1 1 0\n1 2 0\n0\n" Educacio\u0301n"\n"EDUCACI\u00d3N"\n');
    expect(parsed.options).to.deep.equal(['EDUCACI\u00d3N', 'Educaci\u00f3n']);
    expect(parsed.lookAlikes).to.deep.equal([['EDUCACI\u00d3N', 'Educaci\u00f3n']]);
    expect(parsed.title).to.equal(null);
  });

  it('refuses equal rankings and every other malformation, with the line', () => {
    const body = (ballots: string) => `3 1\n${ballots}\n0\n${NAMES}`;
    expect(refusal(body('1 1 0\n2 1=2 3 0'))).to.deep.equal([3, 'equal rankings ("1=2") are not taken: a ballot ranks one candidate per place']);
    expect(refusal(body('1 1 - 2 0'))[0]).to.equal(2);
    expect(refusal(body('1 1 0\n1.5 1 2 0'))).to.deep.equal([3, 'the ballot weight 1.5 is not a whole number']);
    expect(refusal(body('0x 1 0'))[1]).to.contain('its weight, a positive whole number');
    expect(refusal(body('1 1 2'))).to.deep.equal([2, 'a ballot line must end with 0']);
    expect(refusal(body('1 4 0'))).to.deep.equal([2, '"4" is not a candidate: candidates are numbered 1 to 3']);
    expect(refusal(body('1 2 0 1 0'))).to.deep.equal([2, 'a 0 before the end of a ballot line']);
    expect(refusal(body('1 2 1 2 0'))).to.deep.equal([2, 'candidate 2 is ranked more than once']);
    expect(refusal('3\n1 1 0\n0\n')[0]).to.equal(1);
    expect(refusal('3 0\n1 1 0\n0\n')[0]).to.equal(1);
    expect(refusal('3 1\n-4\n1 1 0\n0\n')).to.deep.equal([2, 'withdrawn candidates are given as negative ids from -1 to -3, not "-4"']);
    expect(refusal('3 1\n1 1 0\n')[1]).to.contain('the ballots never end');
    expect(refusal('3 1\n1 1 0\n0\n"Alpha"\n"Bravo"\n')[1]).to.equal('the file names 2 candidate(s) but its first line says 3');
    expect(refusal('3 1\n1 1 0\n0\n"Alpha"\n"Bravo"\n"Charlie"\n"Title"\n"More"\n')).to.deep.equal([8, 'the file gives more names than its 3 candidates and a title']);
    expect(refusal('3 1\n1 1 0\n0\n"Alpha"\nBravo\n"Charlie"\n')[0]).to.equal(5);
    expect(refusal('2 1\n1 1 0\n0\n"Alpha"\n"Alpha "\n')).to.deep.equal([5, 'candidates 1 and 2 are both named "Alpha"']);
    expect(refusal('')[0]).to.equal(1);
  });

  it('is told from a CSV ballot file by its first line', () => {
    expect(looksLikeBlt(fixture('stv-food-election.blt'))).to.equal(true);
    expect(looksLikeBlt('\n\n 4 2 \n')).to.equal(true);
    expect(looksLikeBlt(fixture('ballots-small.csv'))).to.equal(false);
    expect(looksLikeBlt('count,rank_1\n4 2\n')).to.equal(false);
    expect(looksLikeBlt('')).to.equal(false);
  });
});
