import type { Knex } from 'knex';

// What the public catalogue's search reads for every overview that matches, kept where it is cheap
// to read.
//
// SQLite: an overview's row holds its sections (several kilobytes) before `published_at`, so reading
// the date of a match follows the row's overflow pages; with thousands of matches to sort, that was
// most of a search. A covering index holds the columns the search filters and sorts on.
//
// PostgreSQL: ranking reads the tsvector of every match. Stored the default way it is moved out of
// line (a separate TOAST lookup for each) and compressed, though a tsvector hardly compresses; stored
// MAIN it stays in the row unless the row cannot hold it. Rows already written are rewritten so that
// they are stored the new way.
function isPostgres(knex: Knex): boolean {
  const client = knex.client.config.client as unknown;
  return client === 'pg' || client === 'postgres' || client === 'postgresql';
}

async function setDocumentStorage(knex: Knex, storage: 'MAIN' | 'EXTENDED'): Promise<void> {
  await knex.raw(`ALTER TABLE overview_search ALTER COLUMN document SET STORAGE ${storage}`);
  await knex.raw("UPDATE overview_search SET document = document || ''::tsvector");
}

export async function up(knex: Knex): Promise<void> {
  if (isPostgres(knex)) {
    await setDocumentStorage(knex, 'MAIN');
  } else {
    await knex.raw('CREATE INDEX overviews_catalogue ON overviews (id, status, published_at, language, member_state_id, event_id, title)');
  }
}

export async function down(knex: Knex): Promise<void> {
  if (isPostgres(knex)) {
    await setDocumentStorage(knex, 'EXTENDED');
  } else {
    await knex.raw('DROP INDEX overviews_catalogue');
  }
}
