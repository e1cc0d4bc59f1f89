// Operator command line: accounts, tokens and Member State imports without a browser.
//   npm run admin -- create-user --role admin|staff|delegate --email E [--name N] [--member-state ISO3] [--language en|fr|es]
//   npm run admin -- create-token --email E
//   npm run admin -- revoke-token --id N | --email E
//   npm run admin -- import-member-states FILE.csv
//   npm run admin -- verify-audit
//   npm run admin -- send-test-mail --to ADDRESS
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { Database } from '../data/database.js';
import { createUser, findUserByEmail } from '../domain/accounts.js';
import { createApiToken, ownerOfApiToken, revokeApiTokensOfUser } from '../domain/api-tokens.js';
import { verifyAuditChain } from '../domain/audit.js';
import { systemClock } from '../domain/clock.js';
import type { Deps } from '../domain/deps.js';
import { AppError } from '../domain/errors.js';
import { importMemberStates } from '../domain/member-states.js';
import { generatePassword } from '../domain/secrets.js';
import { sendTestMessage } from '../domain/mail/test-message.js';
import { translatorFor } from '../i18n/index.js';
import { isLanguage } from '../i18n/languages.js';

const USAGE = `Usage:
  npm run admin -- create-user --role admin|staff|delegate --email E [--name N] [--member-state ISO3] [--language en|fr|es]
      The password is read from standard input when it is piped; otherwise one is generated and printed once.
  npm run admin -- create-token --email E
      Prints a new API token for that user alone on the last line.
  npm run admin -- revoke-token --id N | --email E
      Revokes the API token with that id (as the user's page lists them), or every active token of that user.
  npm run admin -- import-member-states FILE.csv
      Columns iso3,name_en,name_fr,name_es,status; prints what was created, updated and rejected.
  npm run admin -- verify-audit
      Checks the hash chain of the audit log.
  npm run admin -- send-test-mail --to ADDRESS [--language en|fr|es]
      Sends a test message through SMTP_URL at once and prints the mail server's reply.`;

class UsageError extends Error {}

const t = translatorFor('en');

function describe(error: AppError): string {
  const fields = error.fields.map((f) => `  ${f.field}: ${t(f.key, f.params)}`);
  return [t(error.key, error.params), ...fields].join('\n');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function run(deps: Deps, argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create-user': {
      const { values } = parseArgs({ args: rest, options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, 'member-state': { type: 'string' }, language: { type: 'string' } }, strict: true });
      if (!values.role || !values.email) throw new UsageError('create-user needs --role and --email');
      const fromStdin = process.stdin.isTTY ? '' : await readStdin();
      const generated = fromStdin === '';
      const password = generated ? generatePassword() : fromStdin;
      const { user } = await createUser(deps, null, {
        email: values.email, displayName: values.name ?? values.email.split('@')[0], role: values.role,
        memberState: values['member-state'], language: values.language ?? 'en',
      }, password);
      console.log(`Created ${user.role} ${user.email} (id ${user.id})${user.memberState ? ` for ${user.memberState}` : ''}.`);
      if (generated) console.log(`Password (shown once): ${password}`);
      return;
    }
    case 'create-token': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' } }, strict: true });
      if (!values.email) throw new UsageError('create-token needs --email');
      const user = await findUserByEmail(deps.db, values.email.trim().toLowerCase());
      if (!user) throw new UsageError(`There is no account with the email address ${values.email}.`);
      const { token, id } = await createApiToken(deps, null, user.id);
      console.log(`API token no. ${id} for ${user.email} (shown once):`);
      console.log(token);
      return;
    }
    case 'revoke-token': {
      const { values } = parseArgs({ args: rest, options: { id: { type: 'string' }, email: { type: 'string' } }, strict: true });
      if ((values.id === undefined) === (values.email === undefined)) throw new UsageError('revoke-token needs either --id or --email');
      let userId: number;
      let tokenId: number | undefined;
      if (values.id !== undefined) {
        if (!/^[1-9]\d{0,9}$/.test(values.id)) throw new UsageError(`--id must be a token's number, not ${values.id}`);
        tokenId = Number(values.id);
        userId = await ownerOfApiToken(deps, tokenId).catch((error: unknown) => {
          throw error instanceof AppError && error.kind === 'not_found' ? new UsageError(`There is no API token ${values.id}.`) : error;
        });
      } else {
        const user = await findUserByEmail(deps.db, values.email!.trim().toLowerCase());
        if (!user) throw new UsageError(`There is no account with the email address ${values.email}.`);
        userId = user.id;
      }
      const revoked = await revokeApiTokensOfUser(deps, null, userId, tokenId);
      console.log(revoked.length === 0
        ? 'Nothing to revoke: no active API token matched.'
        : `Revoked API token${revoked.length > 1 ? 's' : ''} ${revoked.join(', ')}.`);
      return;
    }
    case 'import-member-states': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new UsageError('import-member-states needs one CSV file');
      let text: Buffer;
      try {
        text = readFileSync(positionals[0]!);
      } catch (error) {
        throw new UsageError(`Cannot read ${positionals[0]}: ${(error as Error).message}`);
      }
      const report = await importMemberStates(deps, null, text);
      console.log(`${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected.`);
      for (const row of report.rows.filter((r) => r.outcome === 'rejected')) {
        console.error(`line ${row.line} (${row.iso3 || 'no code'}): ${row.reasons.map((r) => `${r.field}: ${t(r.key, r.params)}`).join('; ')}`);
      }
      if (report.rejected > 0) process.exitCode = 2;
      return;
    }
    case 'verify-audit': {
      const check = await verifyAuditChain(deps);
      if (check.ok) console.log(t('audit.chainOk', { count: check.entries }));
      else {
        console.error(t('audit.chainBroken', { seq: check.brokenAt }));
        process.exitCode = 1;
      }
      return;
    }
    case 'send-test-mail': {
      const { values } = parseArgs({ args: rest, options: { to: { type: 'string' }, language: { type: 'string' } }, strict: true });
      if (!values.to) throw new UsageError('send-test-mail needs --to');
      const language = values.language ?? 'en';
      if (!isLanguage(language)) throw new UsageError('--language must be en, fr or es');
      const outcome = await sendTestMessage(deps, values.to, language);
      if (outcome.reason === 'not-configured') {
        console.error(`No SMTP_URL is set: the test message to ${outcome.message.recipient} waits in the outbox (message ${outcome.message.id}).`);
        process.exitCode = 2;
        return;
      }
      const m = outcome.message;
      if (outcome.sent) console.log(`Sent to ${m.recipient} from ${deps.config.mail.from}, Message-ID ${m.message_id}. Server reply: ${m.last_reply}`);
      else {
        console.error(`Not sent to ${m.recipient} (${m.status}${m.status === 'queued' ? ', the server will try again' : ''}). Server reply: ${m.last_reply}`);
        process.exitCode = 2;
      }
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : 'No command given');
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const db = await Database.open(config.database);
  try {
    await db.migrateToLatest();
    await run({ db, clock: systemClock, config }, argv);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof AppError) {
      console.error(describe(error));
      process.exitCode = 2;
    } else {
      throw error;
    }
  } finally {
    await db.close();
  }
}

await main();
