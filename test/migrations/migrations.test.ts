import { expect } from 'chai';
import type { Config } from '../../server/config.js';
import type { Knex } from 'knex';
import { knexConfig } from '../../server/data/connection.js';
import type { Database } from '../../server/data/database.js';
import { openEmptyTestDatabase, type EmptyTestDatabase } from '../helpers/context.js';

type Db = Knex;
const isPostgres = (db: Db) => db.client.config.client === 'pg';

/** The tables each migration creates, in the order they run. */
const TABLES_BY_MIGRATION: readonly [string, readonly string[]][] = [
  ['20261128000100_create_accounts.ts', ['member_states', 'users', 'account_links', 'api_tokens']],
  ['20261128000200_create_audit_entries.ts', ['audit_entries', 'audit_head']],
  ['20261128000300_create_surveys.ts', ['surveys', 'questions', 'options']],
  ['20261128000400_create_ballots.ts', ['ballots', 'ballot_revisions', 'proposals']],
  ['20261129000500_create_content_version.ts', ['content_version']],
  ['20261130001100_create_sign_in_limits.ts', ['sign_in_limits', 'sessions']],
  ['20261130002000_create_outbox.ts', ['outbox_messages', 'reminder_schedules', 'reminder_points']],
  ['20261130002100_add_mission_addresses.ts', []],
  ['20261130002200_add_focal_points.ts', []],
  ['20261130004000_create_events_and_overviews.ts', ['events', 'event_calls', 'overviews', 'overview_revisions', 'overview_search']],
  ['20261130004100_create_overview_attachments.ts', ['overview_attachments']],
  ['20261130004200_create_overview_translations.ts', ['overview_translations']],
  ['20261130004300_speed_up_catalogue_search.ts', []],
  ['20261130004400_index_language_versions.ts', []],
];
const ALL_TABLES = TABLES_BY_MIGRATION.flatMap(([, tables]) => tables);
const KNEX_TABLES = ['knex_migrations', 'knex_migrations_lock'];

/** Our tables, without knex's own bookkeeping, sorted. */
async function tablesOf(db: Db): Promise<string[]> {
  const names: string[] = isPostgres(db)
    ? (await db('information_schema.tables').where('table_schema', db.raw('current_schema()')).pluck('table_name'))
    : (await db('sqlite_master').where({ type: 'table' }).andWhereNot('name', 'like', 'sqlite_%').pluck('name'));
  // SQLite keeps an FTS5 table's index in shadow tables named after it: they are part of that table.
  const shadow = /^(.+)_(data|idx|content|docsize|config)$/;
  return names.map(String).filter((n) => !KNEX_TABLES.includes(n) && !names.includes(shadow.exec(n)?.[1] ?? '')).sort();
}

/** Each table with its columns and their types, to compare the schema before and after a step. */
async function schemaOf(db: Db): Promise<Record<string, Record<string, string>>> {
  const schema: Record<string, Record<string, string>> = {};
  for (const table of await tablesOf(db)) {
    const columns = await db(table).columnInfo();
    schema[table] = Object.fromEntries(Object.entries(columns).map(([name, info]: [string, Knex.ColumnInfo]) => [name, `${info.type} ${info.nullable ? 'null' : 'not null'}`]));
  }
  return schema;
}

const sorted = (names: readonly string[]) => [...names].sort();

describe('migrations, up and down', () => {
  let empty: EmptyTestDatabase;
  let config: Config;
  let database: Database;
  let db: Db;

  // An empty database of its own: a new SQLite file, or a new PostgreSQL schema when DATABASE_URL is set.
  beforeEach(async () => {
    empty = await openEmptyTestDatabase('m');
    ({ config, database } = empty);
    // Migrations run on the connection that writes, as at start-up.
    db = database.writer;
  });

  afterEach(() => empty.remove());

  it('knows the tables of every migration the app runs, in the order it runs them', async () => {
    const source = knexConfig(config.database).migrations!.migrationSource!;
    const files = await source.getMigrations([]);
    expect(files.map((f) => source.getMigrationName(f))).to.deep.equal(TABLES_BY_MIGRATION.map(([name]) => name));
  });

  it('takes an empty database to the latest schema, rolls every migration back to nothing, and up to the latest again', async () => {
    expect(await tablesOf(db)).to.deep.equal([]);

    await database.migrateToLatest();
    expect(await tablesOf(db)).to.deep.equal(sorted(ALL_TABLES));
    const latest = await schemaOf(db);
    expect((await db.migrate.list())[1]).to.deep.equal([]);

    await db.migrate.rollback(undefined, true);
    expect(await tablesOf(db)).to.deep.equal([]);
    expect((await db.migrate.list())[0]).to.deep.equal([]);

    await database.migrateToLatest();
    expect(await schemaOf(db)).to.deep.equal(latest);
    // The rows a migration seeds are there once, not once per run.
    expect(await db('audit_head').select('id', 'seq')).to.deep.equal([{ id: 1, seq: isPostgres(db) ? '0' : 0 }]);
    expect(await db('content_version').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 1);
  });

  it('undoes each migration with its down, one step at a time, on the way up and on the way down', async () => {
    const created: string[] = [];
    for (const [name, tables] of TABLES_BY_MIGRATION) {
      const before = await schemaOf(db);
      await db.migrate.up();
      created.push(...tables);
      expect(await tablesOf(db), `${name} up`).to.deep.equal(sorted(created));
      const after = await schemaOf(db);

      await db.migrate.down();
      expect(await schemaOf(db), `${name} down`).to.deep.equal(before);

      await db.migrate.up();
      expect(await schemaOf(db), `${name} up again`).to.deep.equal(after);
    }
    expect((await db.migrate.list())[1]).to.deep.equal([]);

    for (const [name, tables] of [...TABLES_BY_MIGRATION].reverse()) {
      await db.migrate.down();
      created.splice(created.length - tables.length, tables.length);
      expect(await tablesOf(db), `${name} down`).to.deep.equal(sorted(created));
    }
    expect(await tablesOf(db)).to.deep.equal([]);
  });
});
