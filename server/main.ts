// Start-up only: configuration, database (migrated to the latest schema), app, listen, clean shutdown.
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { Database } from './data/database.js';
import { issueSetupLinkIfEmpty } from './domain/accounts.js';
import { systemClock } from './domain/clock.js';
import { MailWorker } from './domain/mail/worker.js';

process.on('unhandledRejection', (reason) => {
  console.error('Unhandled rejection:', reason);
  process.exit(1);
});

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const db = await Database.open(config.database);
  await db.migrateToLatest();
  const deps = { db, clock: systemClock, config };
  const app = await createApp(deps);
  // Sends the outbox (with SMTP_URL) and queues the scheduled reminders; stopped before the database closes.
  const mailWorker = MailWorker.fromConfig(deps);
  mailWorker.start();
  const server = app.listen(config.port, config.host, () => {
    const where = config.database.client === 'pg' ? 'PostgreSQL' : config.database.filename;
    console.log(`Consultation ballots listening on ${config.baseUrl} (database: ${where})`);
    console.log(mailWorker.sends ? `Mail: sent through ${new URL(config.mail.smtpUrl!).host}` : 'Mail: no SMTP_URL, messages wait in the outbox');
  });
  const setup = await issueSetupLinkIfEmpty(deps);
  if (setup) {
    console.log('');
    console.log('No account exists yet. Create the first administrator with this one-time link');
    console.log(`(valid until ${setup.expiresAt}, usable once):`);
    console.log(`  ${config.baseUrl}/setup/${setup.token}`);
    console.log('or from the command line: npm run admin -- create-user --role admin --email you@example.org');
    console.log('');
  }
  const shutdown = () => {
    server.close(() => {
      mailWorker.stop().finally(() => db.close().finally(() => process.exit(0)));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
