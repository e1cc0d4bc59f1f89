import { expect } from 'chai';
import { findLookAlikes, nameSkeleton, normaliseName, parseBallotFile } from '../../server/ballot-files/index.js';

const COMBINING = 'Educacio\u0301n';
const PRECOMPOSED = 'Educaci\u00f3n';

describe('ballot-files/names', () => {
  it('normaliseName: NFC and trimmed of any white space, no-break spaces included', () => {
    expect(normaliseName(` ${COMBINING}\u00a0`)).to.equal(PRECOMPOSED);
    expect(normaliseName('\u202fAlpha\t')).to.equal('Alpha');
    expect(normaliseName('Return migration')).to.equal('Return migration');
  });

  it('nameSkeleton: equal for names that differ by case, look-alike letters, dashes, quotes or spaces', () => {
    const same: [string, string][] = [
      ['Return migration', 'RETURN MIGRATION'],
      ['Return migration', 'Return migrati\u043en'], // Cyrillic o
      ['Return migration', 'R\u0435turn migration'], // Cyrillic e
      ['Alpha', '\u0391lpha'], // Greek capital alpha
      ['Migration - development', 'Migration \u2013 development'], // en dash
      ['Migration - development', 'Migration \u2014 development'], // em dash
      ['Migration - development', 'Migration \u2212 development'], // minus sign
      ["Children's rights", 'Children\u2019s rights'],
      ['"Smart" borders', '\u201cSmart\u201d borders'],
      ['Labour mobility', 'Labour\u00a0mobility'],
      ['Labour mobility', 'Labour  mobility'],
      ['Topic 1', 'Topic \uff11'], // full-width digit
      [PRECOMPOSED, COMBINING],
      ['\u00c9TAT', '\u00e9tat'],
    ];
    for (const [a, b] of same) expect(nameSkeleton(a), `${a} / ${b}`).to.equal(nameSkeleton(b));
  });

  it('nameSkeleton: different for names a reader tells apart', () => {
    const different: [string, string][] = [
      [PRECOMPOSED, 'Educacion'],
      ['Topic 1', 'Topic 2'],
      ['Return migration', 'Return migrations'],
      ['Salud', 'Sal\u0443d'], // Cyrillic u looks like y, not u
    ];
    for (const [a, b] of different) expect(nameSkeleton(a), `${a} / ${b}`).to.not.equal(nameSkeleton(b));
  });

  it('findLookAlikes: each name that looks like an earlier one, paired with it', () => {
    expect(findLookAlikes(['Alpha', 'ALPHA', 'Bravo', '\u0391lpha', 'Alpha'])).to.deep.equal([['Alpha', 'ALPHA'], ['Alpha', '\u0391lpha']]);
    expect(findLookAlikes(['Alpha', 'Bravo'])).to.deep.equal([]);
  });

  it('a ballot file counts a name typed with a combining accent as the precomposed option, and reports look-alikes', () => {
    const parsed = parseBallotFile(`count,rank_1,rank_2\n2,${COMBINING},Salud\n1, ${PRECOMPOSED}\u00a0\n1,EDUCACI\u00d3N,Salud\n`, [` ${COMBINING}`]);
    expect(parsed.options).to.deep.equal(['EDUCACI\u00d3N', PRECOMPOSED, 'Salud']);
    expect(parsed.ballots.valid).to.equal(4);
    expect(parsed.lookAlikes).to.deep.equal([['EDUCACI\u00d3N', PRECOMPOSED]]);
    expect(parseBallotFile('rank_1\nAlpha\nBravo\n').lookAlikes).to.deep.equal([]);
  });
});
