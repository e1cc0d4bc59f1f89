import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The operator tool runs against its own SQLite folder here, whatever database the suite uses.
function admin(dataDir: string, args: string[], input?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import=tsx', 'server/cli/admin.ts', ...args], { env, input: input ?? '', encoding: 'utf8' });
}

describe('cli/admin', function () {
  this.timeout(60000);
  let dir: string;
  before(() => { dir = mkdtempSync(path.join(tmpdir(), 'cb-cli-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports Member States, creates a delegate with a piped password and prints a token on the last line', () => {
    const csv = path.join(dir, 'states.csv');
    writeFileSync(csv, 'iso3,name_en,name_fr,name_es,status\nPER,Peru,Pérou,Perú,member\n');
    const imported = admin(dir, ['import-member-states', csv]);
    expect(imported.status, imported.stderr).to.equal(0);
    expect(imported.stdout).to.contain('1 created');
    const created = admin(dir, ['create-user', '--role', 'delegate', '--email', 'ana@peru.example', '--member-state', 'PER'], 'a piped password of length\n');
    expect(created.status, created.stderr).to.equal(0);
    expect(created.stdout).to.contain('Created delegate ana@peru.example').and.not.contain('Password');
    const token = admin(dir, ['create-token', '--email', 'ana@peru.example']);
    expect(token.status).to.equal(0);
    expect(token.stdout.trim().split('\n').at(-1)).to.match(/^cbt_[\w-]{43}$/);
  });

  it('revokes an API token by its number, or every active token of an account by email', () => {
    admin(dir, ['create-user', '--role', 'staff', '--email', 'script@example.org'], 'a piped password of length\n');
    const numbers = [1, 2, 3].map(() => Number(/API token no\. (\d+)/.exec(admin(dir, ['create-token', '--email', 'script@example.org']).stdout)![1]));
    const one = admin(dir, ['revoke-token', '--id', String(numbers[0])]);
    expect(one.status, one.stderr).to.equal(0);
    expect(one.stdout).to.contain(`Revoked API token ${numbers[0]}.`);
    const rest = admin(dir, ['revoke-token', '--email', 'script@example.org']);
    expect(rest.status, rest.stderr).to.equal(0);
    expect(rest.stdout).to.contain(`Revoked API tokens ${numbers[1]}, ${numbers[2]}.`);
    expect(admin(dir, ['revoke-token', '--email', 'script@example.org']).stdout).to.contain('Nothing to revoke');
    const unknown = admin(dir, ['revoke-token', '--id', '99999']);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain('There is no API token 99999.');
    expect(admin(dir, ['revoke-token']).status).to.equal(2);
  });

  it('generates and prints a password once when none is piped', () => {
    const res = admin(dir, ['create-user', '--role', 'admin', '--email', 'chief@example.org']);
    expect(res.status, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/Password \(shown once\): \S{20,}/);
  });

  it('exits with status 2 and a reason for bad arguments, bad input and rejected rows', () => {
    const unknown = admin(dir, ['frobnicate']);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain('Unknown command: frobnicate');
    const noState = admin(dir, ['create-user', '--role', 'delegate', '--email', 'x@example.org', '--member-state', 'ZZZ']);
    expect(noState.status).to.equal(2);
    expect(noState.stderr).to.contain('There is no Member State with the code ZZZ.');
    const csv = path.join(dir, 'bad.csv');
    writeFileSync(csv, 'iso3,name_en,name_fr,name_es,status\nQQ,a,b,c,member\n');
    const bad = admin(dir, ['import-member-states', csv]);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.contain('line 2 (QQ)');
    const noToken = admin(dir, ['create-token', '--email', 'nobody@example.org']);
    expect(noToken.status).to.equal(2);
  });
});
