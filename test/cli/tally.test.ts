import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
