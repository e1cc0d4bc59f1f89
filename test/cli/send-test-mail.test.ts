import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

// The command runs in a child process (asynchronously, so that this process's SMTP server answers it).
function admin(dataDir: string, args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', ...extra };
  delete env.DATABASE_URL;
  if (!extra.SMTP_URL) delete env.SMTP_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import=tsx', 'server/cli/admin.ts', ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('cli/admin send-test-mail', function () {
  this.timeout(60000);
  let dir: string;
  let smtp: TestSmtpServer;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cb-mailcli-'));
    smtp = await startTestSmtpServer();
  });
  after(async () => {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a test message through SMTP_URL with MAIL_FROM and prints the server reply', async () => {
    const res = await admin(dir, ['send-test-mail', '--to', 'ops@example.org', '--language', 'fr'], { SMTP_URL: smtp.url, MAIL_FROM: 'Ballots <ballots@example.org>' });
    expect(res.status, res.stderr).to.equal(0);
    expect(res.stdout).to.match(/Sent to ops@example\.org .*Server reply: 250/);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).to.equal('Message d’essai de Consultation ballots');
    expect(mail!.from?.value[0]).to.deep.include({ address: 'ballots@example.org', name: 'Ballots' });
  });

  it('says the message waits when no SMTP_URL is set, and refuses a bad address', async () => {
    const waiting = await admin(dir, ['send-test-mail', '--to', 'ops@example.org']);
    expect(waiting.status).to.equal(2);
    expect(waiting.stderr).to.include('No SMTP_URL is set');
    const bad = await admin(dir, ['send-test-mail', '--to', 'ops@example.org\r\nBcc: x@example.org'], { SMTP_URL: smtp.url });
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.include('valid e-mail address');
    const missing = await admin(dir, ['send-test-mail']);
    expect(missing.status).to.equal(2);
  });
});
