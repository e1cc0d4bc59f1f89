import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('config', () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'cb-config-'));

  it('defaults to port 3000 and an SQLite file in the data folder', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).to.equal(3000);
    expect(config.database).to.deep.equal({ client: 'sqlite3', filename: path.join(dir, 'app.sqlite3') });
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://127.0.0.1:5432/test' });
    expect(config.database).to.deep.equal({ client: 'pg', connectionString: 'postgres://127.0.0.1:5432/test' });
  });

  it('generates a session secret once and keeps it with the data', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first).to.have.length(64);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).to.equal(first);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).to.equal(first);
  });

  it('refuses a malformed port or database URL with a clear message', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'abc' })).to.throw(ConfigError, /PORT/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://x' })).to.throw(ConfigError, /DATABASE_URL/);
  });

  it('marks cookies secure behind a trusted proxy', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '1' }).secureCookies).to.equal(true);
    expect(loadConfig({ DATA_DIR: dataDir() }).secureCookies).to.equal(false);
  });

  it('refuses TRUST_PROXY=true, which would let any client choose its address, and says what to give instead', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' })).to.throw(ConfigError, /TRUST_PROXY=true.*number of proxies/);
  });

  it('takes a hop count or the proxies\' addresses and subnets for TRUST_PROXY, and refuses anything else', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '1' }).trustProxy).to.equal(1);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '0' }).trustProxy).to.equal(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/8, loopback,::1' }).trustProxy).to.deep.equal(['10.0.0.0/8', 'loopback', '::1']);
    for (const wrong of ['yes', '10.0.0.0/33', '300.1.1.1', 'proxy.example.org', '10.0.0.1/8/9', '99']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: wrong }), wrong).to.throw(ConfigError, /TRUST_PROXY/);
    }
  });

  it('reads the mail settings: nothing sent without SMTP_URL, a From in the domain of BASE_URL, a rate and attempts by default', () => {
    const none = loadConfig({ DATA_DIR: dataDir(), BASE_URL: 'https://ballots.example.org' }).mail;
    expect(none).to.deep.equal({ smtpUrl: null, from: 'Consultation ballots <no-reply@ballots.example.org>', ratePerSecond: 10, maxAttempts: 8 });
    const set = loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'smtps://user:secret@mail.example.org:465', MAIL_FROM: 'IDM <idm@example.org>', MAIL_RATE_PER_SECOND: '25', MAIL_MAX_ATTEMPTS: '3' }).mail;
    expect(set).to.deep.equal({ smtpUrl: 'smtps://user:secret@mail.example.org:465', from: 'IDM <idm@example.org>', ratePerSecond: 25, maxAttempts: 3 });
    expect(loadConfig({ DATA_DIR: dataDir(), SMTP_URL: '' }).mail.smtpUrl).to.equal(null);
  });

  it('refuses a malformed SMTP_URL, a MAIL_FROM on two lines and a rate that is not a positive number', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'http://mail.example.org' })).to.throw(ConfigError, /SMTP_URL/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MAIL_FROM: 'a@example.org\r\nBcc: b@example.org' })).to.throw(ConfigError, /MAIL_FROM/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MAIL_RATE_PER_SECOND: '0' })).to.throw(ConfigError, /MAIL_RATE_PER_SECOND/);
  });
});
