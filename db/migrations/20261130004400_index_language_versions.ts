import type { Knex } from 'knex';

// The catalogue's index holds each language version of a published overview (the original and its
// translations) as a document of its own, stemmed as its language is, so that a translation is
// found by its own words.
//
// PostgreSQL: one row per overview and language, `original` telling the delegation's own text from
// a translation. SQLite: the FTS5 row id says both, as overview id × 4 + the language's number
// (1 English, 2 French, 3 Spanish); the documents already there, all originals, are renumbered.
function isPostgres(knex: Knex): boolean {
  const client = knex.client.config.client as unknown;
  return client === 'pg' || client === 'postgres' || client === 'postgresql';
}

const LANGUAGE_NUMBER = "CASE o.language WHEN 'en' THEN 1 WHEN 'fr' THEN 2 ELSE 3 END";

export async function up(knex: Knex): Promise<void> {
  if (isPostgres(knex)) {
    await knex.raw('ALTER TABLE overview_search DROP CONSTRAINT overview_search_pkey');
    await knex.raw('ALTER TABLE overview_search ADD COLUMN original boolean NOT NULL DEFAULT true');
    await knex.raw('ALTER TABLE overview_search ADD PRIMARY KEY (overview_id, language)');
  } else {
    await knex.raw(`CREATE TEMPORARY TABLE overview_search_renumbered AS
      SELECT s.rowid * 4 + ${LANGUAGE_NUMBER} AS id, s.title, s.body FROM overview_search s JOIN overviews o ON o.id = s.rowid`);
    await knex.raw('DELETE FROM overview_search');
    await knex.raw('INSERT INTO overview_search (rowid, title, body) SELECT id, title, body FROM overview_search_renumbered');
    await knex.raw('DROP TABLE overview_search_renumbered');
  }
}

export async function down(knex: Knex): Promise<void> {
  if (isPostgres(knex)) {
    await knex.raw('DELETE FROM overview_search WHERE NOT original');
    await knex.raw('ALTER TABLE overview_search DROP CONSTRAINT overview_search_pkey');
    await knex.raw('ALTER TABLE overview_search DROP COLUMN original');
    await knex.raw('ALTER TABLE overview_search ADD PRIMARY KEY (overview_id)');
  } else {
    await knex.raw(`CREATE TEMPORARY TABLE overview_search_renumbered AS
      SELECT s.rowid / 4 AS id, s.title, s.body FROM overview_search s JOIN overviews o ON o.id = s.rowid / 4 WHERE s.rowid % 4 = ${LANGUAGE_NUMBER}`);
    await knex.raw('DELETE FROM overview_search');
    await knex.raw('INSERT INTO overview_search (rowid, title, body) SELECT id, title, body FROM overview_search_renumbered');
    await knex.raw('DROP TABLE overview_search_renumbered');
  }
}
