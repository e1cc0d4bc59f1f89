import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** What the command uses of Node.js, declared in it: the compiler then reads no type library, and builds in a moment. */
const PROCESS = 'declare const process: { argv: string[]; stdout: { write(text: string): void } };\n';

/**
 * bin/run-cli.mjs in a project of its own, with one command line, so that its builds are small
 * and leave this project's build/ alone.
 */
describe('bin/run-cli.mjs', function () {
  this.timeout(180_000);
  let project: string;
  const source = () => path.join(project, 'server', 'cli', 'hello.ts');
  const writeCommand = (greeting: string, at: Date) => {
    writeFileSync(source(), `${PROCESS}const names: string[] = process.argv.slice(2);\nprocess.stdout.write(\`${greeting} \${names.join(' ')}\\n\`);\n`);
    utimesSync(source(), at, at);
  };
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(project, 'bin', 'run-cli.mjs'), ...args], { cwd: project, encoding: 'utf8' });

  before(() => {
    project = mkdtempSync(path.join(tmpdir(), 'run-cli-'));
    mkdirSync(path.join(project, 'bin'));
    mkdirSync(path.join(project, 'server', 'cli'), { recursive: true });
    copyFileSync(path.join(root, 'bin', 'run-cli.mjs'), path.join(project, 'bin', 'run-cli.mjs'));
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(path.join(project, 'tsconfig.build.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [], skipLibCheck: true, outDir: 'build', rootDir: '.', sourceMap: true },
      include: ['server'],
    }));
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('builds when there is no build, then runs the compiled command with its arguments and stdout to itself', () => {
    writeCommand('hello', new Date(Date.now() - 60_000));
    const first = run('hello', 'a', 'b');
    expect(first.status, first.stderr).to.equal(0);
    expect(first.stdout).to.equal('hello a b\n');
    expect(first.stderr).to.contain('Compiling into build/');
  });

  it('runs the build it has while no source is newer, and builds again once one is', () => {
    const again = run('hello', 'c');
    expect(again.status, again.stderr).to.equal(0);
    expect([again.stdout, again.stderr]).to.deep.equal(['hello c\n', '']);
    writeCommand('bonjour', new Date(Date.now() + 60_000));
    const changed = run('hello', 'd');
    expect(changed.status, changed.stderr).to.equal(0);
    expect(changed.stdout).to.equal('bonjour d\n');
    expect(changed.stderr).to.contain('Compiling into build/');
  });

  it('stops with the compiler\'s messages on stderr when the build fails, and with status 2 for an unknown command', () => {
    writeFileSync(source(), `${PROCESS}const n: number = "not a number";\nprocess.stdout.write(String(n));\n`);
    utimesSync(source(), new Date(Date.now() + 120_000), new Date(Date.now() + 120_000));
    const broken = run('hello');
    expect(broken.status).to.not.equal(0);
    expect(broken.stdout).to.equal('');
    expect(broken.stderr).to.contain('TS2322').and.contain('The build failed');
    const unknown = spawnSync(process.execPath, [path.join(project, 'bin', 'run-cli.mjs'), '../evil'], { cwd: project, encoding: 'utf8' });
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain('Usage: node bin/run-cli.mjs NAME');
  });
});
