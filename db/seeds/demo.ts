// npm run demo: fills an EMPTY database (the configured one) with the demo consultation and prints
// how to sign in. Refuses, with exit status 2, a database that already holds data.
import { ConfigError, loadConfig } from '../../server/config.js';
import { Database } from '../../server/data/database.js';
import { systemClock } from '../../server/domain/clock.js';
import { DemoRefusal, demoRefusalReason, seedDemo } from './seed-demo.js';
import { startCommand } from './start-command.js';

const BANNER = '*'.repeat(78);

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const where = config.database.client === 'pg' ? 'the PostgreSQL database in DATABASE_URL' : config.database.filename;
  const db = await Database.open(config.database);
  try {
    await db.migrateToLatest();
    const refusal = await demoRefusalReason(db);
    if (refusal) throw new DemoRefusal(refusal);
    console.log(`Filling ${where} with the demo consultation (this takes a few seconds)...`);
    const summary = await seedDemo({ db, clock: systemClock, config });
    const byRole = (role: string) => summary.accounts.filter((a) => a.role === role);
    const delegates = byRole('delegate');
    console.log('');
    console.log(BANNER);
    console.log('  DEMO DATABASE: every account below has a KNOWN, PUBLISHED password.');
    console.log('  Never use this database for a real consultation.');
    console.log(BANNER);
    console.log('');
    console.log(`${summary.memberStates} Member States (${summary.observers} observers), ${delegates.length} delegates;`);
    console.log(`survey ${summary.currentSurveyId} "International Dialogue on Migration 2008" (IC/2007/17) open, with ${summary.ballots} ballots`);
    console.log(`(${summary.revisions} revisions), ${summary.pendingProposals} pending and ${summary.declinedProposals} declined proposals;`);
    console.log(`survey ${summary.previousSurveyId} "International Dialogue on Migration 2007" closed and published, and the two workshops it retained:`);
    for (const w of summary.workshops) {
      console.log(`  event ${w.eventId} "${w.title}", ${w.place}, ${w.startsOn} to ${w.endsOn}; overviews due ${w.callDeadline.slice(0, 10)}`);
    }
    const o = summary.overviews;
    console.log(`${Object.values(o).reduce((a, b) => a + b, 0)} policy overviews in English, French and Spanish: ${o.published} published (the public database,`);
    console.log(`${config.baseUrl}/overviews), ${o.submitted} submitted and waiting for review (${config.baseUrl}/admin/overviews),`);
    console.log(`${o.returned} returned with a comment, ${o.withdrawn} withdrawn and ${o.draft} draft.`);
    console.log(`${summary.translations} translations of published overviews into another working language, listed on their pages.`);
    console.log('');
    console.log('Start the server:');
    console.log(`  ${startCommand(process.env)}`);
    console.log(`then sign in at ${config.baseUrl}/sign-in as:`);
    console.log('');
    const width = Math.max(...summary.accounts.map((a) => a.email.length));
    for (const a of [...byRole('admin'), ...byRole('staff')]) {
      console.log(`  ${a.role.padEnd(13)} ${a.email.padEnd(width)}  password: ${a.password}`);
    }
    console.log(`  ${'delegate'.padEnd(13)} delegate.<iso3>@... for each Member State, e.g.:`);
    for (const a of delegates.filter((x) => ['FRA', 'MEX', 'PHL', 'VAT'].includes(x.memberState ?? ''))) {
      console.log(`  ${`  ${a.memberState}`.padEnd(13)} ${a.email.padEnd(width)}  password: ${a.password}`);
    }
    console.log(`  (every delegate's password is ${delegates[0]?.password}; VAT is an observer and may not vote)`);
    console.log('');
  } catch (error) {
    if (error instanceof DemoRefusal) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await db.close();
  }
}

await main();
