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
});
