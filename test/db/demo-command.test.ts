import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCommand } from '../../db/seeds/start-command.js';

describe('npm run demo: the command it prints to start the server', () => {
  it('repeats the settings the demo ran with, quoted for the shell where needed, and nothing else', () => {
    expect(startCommand({})).to.equal('npm start');
    expect(startCommand({ DATA_DIR: 'demo-data', HOME: '/root', SESSION_SECRET: 'x'.repeat(40) })).to.equal('DATA_DIR=demo-data npm start');
    expect(startCommand({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/demo', PORT: '3001' }))
      .to.equal('DATABASE_URL=postgres://postgres@127.0.0.1:5432/demo PORT=3001 npm start');
    expect(startCommand({ DATA_DIR: "/tmp/my demo's data", PORT: '' })).to.equal(`DATA_DIR='/tmp/my demo'\\''s data' npm start`);
  });

  it('prints, after filling a database in another folder, the command that starts on that same folder', function () {
    this.timeout(180_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'demo-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PORT: '3999' };
      delete env.DATABASE_URL;
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'db/seeds/demo.ts'], { env, encoding: 'utf8' });
      expect(run.status, run.stderr).to.equal(0);
      const lines = run.stdout.split('\n');
      const start = lines.indexOf('Start the server:');
      expect(start).to.be.greaterThan(0);
      expect(lines[start + 1]).to.equal(`  DATA_DIR=${dir} PORT=3999 npm start`);
      expect(lines[start + 2]).to.equal('then sign in at http://127.0.0.1:3999/sign-in as:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
