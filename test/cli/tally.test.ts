import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string): string => `test/fixtures/${name}`;

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const runTally = (...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, ['--import=tsx', 'server/cli/tally.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });

describe('cli/tally', () => {
  it('prints the JSON result of API.md, the text report and the CSV table', async () => {
    const [json, text, csv] = await Promise.all([
      runTally('--method', 'irv', '--format', 'json', fixture('ballots-small.csv')),
      runTally('--method', 'stv', '--seats', '2', '--format', 'text', fixture('ballots-small.csv')),
      runTally('--method', 'schulze', '--format', 'csv', fixture('ballots-small.csv')),
    ]);
    expect(json.status).to.equal(0);
    const result = JSON.parse(json.stdout);
    expect(result).to.include({ method: 'irv', seats: 1, valid: 95, blank: 5, seed: 'consultation-ballots' });
    expect(result.winners).to.deep.equal(['Charlie']);
    expect(result.rounds).to.have.length(3);
    expect(text.status).to.equal(0);
    expect(text.stdout).to.contain('Quota: 32').and.contain('Stage 2: surplus of Alpha').and.contain('Retained: Alpha, Bravo');
    expect(csv.status).to.equal(0);
    expect(csv.stdout.split('\r\n').slice(0, 2)).to.deep.equal([
      'option,place,retained,Bravo,Charlie,Alpha,Delta',
      'Bravo,1,yes,,65,45,85',
    ]);
  });

  it('refuses a file with rejected rows, with their line numbers, unless asked to skip them', async () => {
    const [refused, skipped] = await Promise.all([
      runTally('--method', 'plurality', fixture('ballots-invalid.csv')),
      runTally('--method', 'plurality', '--skip-invalid', fixture('ballots-invalid.csv')),
    ]);
    expect(refused.status).to.equal(2);
    expect(refused.stdout).to.equal('');
    expect(refused.stderr).to.contain('line 3: count must be a positive whole number').and.contain('line 5:').and.contain('nothing counted');
    expect(skipped.status).to.equal(0);
    expect(skipped.stderr).to.contain('skipped 3 rejected row(s)');
    expect(JSON.parse(skipped.stdout).scores).to.deep.equal({ Bravo: 4, Alpha: 3 });
  });

  it('exits with status 2 and a reason on bad arguments or an unreadable file', async () => {
    const runs = await Promise.all([
      runTally('--method', 'approval', fixture('ballots-small.csv')),
      runTally('--method', 'irv', '--seats', '0', fixture('ballots-small.csv')),
      runTally('--method', 'irv', '--seats', '5', fixture('ballots-small.csv')),
      runTally('--method', 'irv', '--colour', 'red', fixture('ballots-small.csv')),
      runTally('--method', 'irv', 'no-such-file.csv'),
      runTally('--method', 'irv', 'package.json'),
    ]);
    expect(runs.map((r) => r.status)).to.deep.equal([2, 2, 2, 2, 2, 2]);
    expect(runs[0]!.stderr).to.contain('unknown method "approval"');
    expect(runs[1]!.stderr).to.contain('--seats must be a positive whole number, not "0"');
    expect(runs[2]!.stderr).to.contain('--seats 5 is more than the 4 options in test/fixtures/ballots-small.csv: no count can retain more options than there are');
    expect(runs[3]!.stderr).to.contain("Unknown option '--colour'");
    expect(runs[4]!.stderr).to.contain('cannot read no-such-file.csv: ENOENT');
    expect(runs[5]!.stderr).to.contain('line 1: the header has no rank_1 column');
  });

  it('retains every option of the file, and says why, when the seats are as many as its options', async () => {
    const [json, text] = await Promise.all([
      runTally('--method', 'stv', '--seats', '4', fixture('ballots-small.csv')),
      runTally('--method', 'borda', '--seats', '4', '--format', 'text', fixture('ballots-small.csv')),
    ]);
    expect(json.status).to.equal(0);
    const result = JSON.parse(json.stdout);
    expect([...result.winners].sort()).to.deep.equal(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    expect(result.reason).to.equal('seats-cover-options');
    expect(text.status).to.equal(0);
    expect(text.stdout).to.contain('(4 seats for 4 options ranked on any ballot: every one is retained, the count does not choose)');
  });

  it('warns on stderr of option names that differ only by case or look-alike characters, and counts the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-names-'));
    const file = join(dir, 'names.csv');
    writeFileSync(file, 'count,rank_1\n2,Educacio\u0301n\n1,Educaci\u00f3n\n1,Migration \u2013 development\n1,Migration - development\n');
    const run = await runTally('--method', 'plurality', file);
    rmSync(dir, { recursive: true });
    expect(run.status).to.equal(0);
    expect(JSON.parse(run.stdout).scores).to.deep.equal({ 'Educaci\u00f3n': 3, 'Migration - development': 1, 'Migration \u2013 development': 1 });
    expect(run.stderr).to.equal(`tally: warning: ${file}: "Migration - development" and "Migration \u2013 development" differ only by case or look-alike characters; they are counted as two options\n`);
  });

  it('reads a BLT file, told from its content or by --format-in, with the seats it gives', async () => {
    const [told, asked, asCsv, overridden] = await Promise.all([
      runTally('--method', 'stv', fixture('stv-food-election.blt')),
      runTally('--method', 'stv', '--format-in', 'blt', '--format', 'text', fixture('stv-food-election.blt')),
      runTally('--method', 'stv', '--format-in', 'csv', fixture('stv-food-election.blt')),
      runTally('--method', 'stv', '--seats', '1', fixture('stv-food-election.blt')),
    ]);
    expect(told.status, told.stderr).to.equal(0);
    expect(JSON.parse(told.stdout)).to.include({ seats: 3, valid: 20, quota: 6 });
    expect(JSON.parse(told.stdout).winners).to.deep.equal(['Chocolate', 'Oranges', 'Strawberries']);
    expect(asked.status).to.equal(0);
    expect(asked.stdout).to.match(/^Title: Food election: the worked example/).and.contain('Retained: Chocolate, Oranges, Strawberries');
    expect(asCsv.status).to.equal(2);
    expect(asCsv.stderr).to.contain('the header has no rank_1 column');
    expect(JSON.parse(overridden.stdout).winners).to.deep.equal(['Chocolate']);
  });

  it('refuses a BLT file with equal rankings or another malformation, with its line, and --option with a BLT file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-blt-'));
    const equal = join(dir, 'equal.blt');
    const withdrawn = join(dir, 'withdrawn.blt');
    writeFileSync(equal, '3 1\n2 1 2 0\n1 2=3 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    writeFileSync(withdrawn, '3 1\n-3\n2 1 2 0\n1 3 2 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const [refused, option, left] = await Promise.all([
      runTally('--method', 'irv', equal),
      runTally('--method', 'irv', '--option', 'D', withdrawn),
      runTally('--method', 'plurality', withdrawn),
    ]);
    rmSync(dir, { recursive: true });
    expect(refused.status).to.equal(2);
    expect(refused.stdout).to.equal('');
    expect(refused.stderr).to.equal(`tally: ${equal}: line 3: equal rankings ("2=3") are not taken: a ballot ranks one candidate per place\n`);
    expect(option.status).to.equal(2);
    expect(option.stderr).to.contain('--option is for ballot files: a BLT file names all its candidates');
    expect(left.status).to.equal(0);
    expect(left.stderr).to.equal(`tally: ${withdrawn}: withdrawn, left out of the count: "C"\n`);
    expect(JSON.parse(left.stdout).scores).to.deep.equal({ A: 2, B: 1 });
  });

  describe('--trace', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'tally-trace-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    /** The trace's rows as cells (no cell of these fixtures is quoted). */
    const readTrace = (file: string): string[][] => readFileSync(file, 'utf8').split('\r\n').filter((line) => line !== '').map((line) => line.split(','));

    it('writes how each distinct ranking counted at each IRV round; summed, the rounds of the result', async () => {
      const file = join(dir, 'irv.csv');
      const run = await runTally('--method', 'irv', '--trace', file, fixture('ballots-small.csv'));
      expect(run.status).to.equal(0);
      const rows = readTrace(file);
      expect(rows).to.have.length(5);
      expect(rows[0]).to.deep.equal(['count', 'rank_1', 'rank_2', 'rank_3', 'round_1', 'weight_1', 'round_2', 'weight_2', 'round_3', 'weight_3', 'ranking_key']);
      expect(rows.slice(1).map((r) => r.slice(0, 10))).to.deep.equal([
        ['40', 'Alpha', 'Bravo', 'Charlie', 'Alpha', '1', 'Alpha', '1', 'Alpha', '1'],
        ['25', 'Bravo', 'Charlie', '', 'Bravo', '1', 'Bravo', '1', 'Charlie', '1'],
        ['20', 'Charlie', 'Bravo', '', 'Charlie', '1', 'Charlie', '1', 'Charlie', '1'],
        ['10', 'Delta', 'Charlie', '', 'Delta', '1', 'Charlie', '1', 'Charlie', '1'],
      ]);
      expect(rows.slice(1).every((r) => /^r[0-9a-f]{12}$/.test(r[10]!))).to.equal(true);
      const result = JSON.parse(run.stdout) as { rounds: { round: number; votes: Record<string, number>; exhausted: number }[] };
      for (const round of result.rounds) {
        const sums: Record<string, number> = {};
        let exhausted = 0;
        for (const row of rows.slice(1)) {
          const option = row[4 + 2 * (round.round - 1)]!;
          const votes = Number(row[0]) * Number(row[5 + 2 * (round.round - 1)]);
          if (option === '') exhausted += votes;
          else sums[option] = (sums[option] ?? 0) + votes;
        }
        expect(sums, `round ${round.round}`).to.deep.equal(Object.fromEntries(Object.entries(round.votes).filter(([, v]) => v > 0)));
        expect(exhausted, `round ${round.round}`).to.equal(round.exhausted);
      }
    });

    it('writes STV stages with each paper\'s value, and the first preference for a method without rounds', async () => {
      const stv = join(dir, 'stv.csv');
      const schulze = join(dir, 'schulze.csv');
      const runs = await Promise.all([
        runTally('--method', 'stv', '--seats', '2', '--trace', stv, fixture('ballots-small.csv')),
        runTally('--method', 'schulze', '--trace', schulze, fixture('ballots-small.csv')),
      ]);
      expect(runs.map((r) => r.status)).to.deep.equal([0, 0]);
      // Quota 32: Alpha's surplus of 8 moves its 40 papers to Bravo at 0.20000 each.
      expect(readTrace(stv).map((r) => r.slice(0, 8))).to.deep.equal([
        ['count', 'rank_1', 'rank_2', 'rank_3', 'stage_1', 'weight_1', 'stage_2', 'weight_2'],
        ['40', 'Alpha', 'Bravo', 'Charlie', 'Alpha', '1.00000', 'Bravo', '0.20000'],
        ['25', 'Bravo', 'Charlie', '', 'Bravo', '1.00000', 'Bravo', '1.00000'],
        ['20', 'Charlie', 'Bravo', '', 'Charlie', '1.00000', 'Charlie', '1.00000'],
        ['10', 'Delta', 'Charlie', '', 'Delta', '1.00000', 'Delta', '1.00000'],
      ]);
      expect(readTrace(schulze).map((r) => r.slice(0, 6))).to.deep.equal([
        ['count', 'rank_1', 'rank_2', 'rank_3', 'round_1', 'weight_1'],
        ['40', 'Alpha', 'Bravo', 'Charlie', 'Alpha', '1'],
        ['25', 'Bravo', 'Charlie', '', 'Bravo', '1'],
        ['20', 'Charlie', 'Bravo', '', 'Charlie', '1'],
        ['10', 'Delta', 'Charlie', '', 'Delta', '1'],
      ]);
    });

    it('writes a trace that is itself a ballot file, re-counting to the same result', async () => {
      const file = join(dir, 'again.csv');
      const first = await runTally('--method', 'stv', '--seats', '2', '--trace', file, fixture('ballots-small.csv'));
      const again = await runTally('--method', 'stv', '--seats', '2', file);
      expect(again.status).to.equal(0);
      // The blank ballots are not in the trace: they rank no option.
      expect({ ...JSON.parse(again.stdout), blank: 5 }).to.deep.equal(JSON.parse(first.stdout));
    });

    it('exits with status 2 and a reason when the trace cannot be written', async () => {
      const run = await runTally('--method', 'irv', '--trace', join(dir, 'no-such-folder', 'trace.csv'), fixture('ballots-small.csv'));
      expect(run.status).to.equal(2);
      expect(run.stdout).to.equal('');
      expect(run.stderr).to.contain('cannot write the trace to').and.contain('ENOENT');
    });
  });
});
