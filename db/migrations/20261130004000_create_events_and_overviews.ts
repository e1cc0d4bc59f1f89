import type { Knex } from 'knex';

// Events (intersessional workshops, dialogue sessions), their calls for policy overviews, and the
// overviews the delegations write for them: one per Member State per event, every saved version
// kept. The full-text index of published overviews is each engine's own: an FTS5 table on SQLite,
// a tsvector column with a GIN index on PostgreSQL.
function isPostgres(knex: Knex): boolean {
  const client = knex.client.config.client as unknown;
  return client === 'pg' || client === 'postgres' || client === 'postgresql';
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('events', (t) => {
    t.increments('id').primary();
    t.string('title_en', 500).notNullable();
    t.string('title_fr', 500).notNullable().defaultTo('');
    t.string('title_es', 500).notNullable().defaultTo('');
    t.string('reference', 100).notNullable().defaultTo('');
    t.string('starts_on', 10);
    t.string('ends_on', 10);
    t.string('place', 300).notNullable().defaultTo('');
    t.integer('survey_id').unsigned().references('id').inTable('surveys').onDelete('SET NULL');
    t.integer('option_id').unsigned().references('id').inTable('options').onDelete('SET NULL');
    t.string('created_at', 30).notNullable();
  });

  await knex.schema.createTable('event_calls', (t) => {
    t.integer('event_id').unsigned().primary().references('id').inTable('events').onDelete('CASCADE');
    t.string('deadline', 30).notNullable();
    t.integer('max_words').notNullable();
    // [{"heading": {"en","fr","es"}, "guidance": {"en","fr","es"}}, ...]
    t.text('sections').notNullable();
    // JSON array of invited Member State ids; null: every Member State, members and observers alike.
    t.text('invited');
  });

  await knex.schema.createTable('overviews', (t) => {
    t.increments('id').primary();
    t.integer('event_id').unsigned().notNullable().references('id').inTable('events').onDelete('CASCADE');
    t.integer('member_state_id').unsigned().notNullable().references('id').inTable('member_states').onDelete('RESTRICT');
    t.string('language', 2).notNullable();
    t.string('title', 500).notNullable().defaultTo('');
    t.string('status', 10).notNullable();
    t.integer('revision').notNullable();
    // JSON array of Markdown texts, one per section of the call's template.
    t.text('sections').notNullable();
    t.text('comment').notNullable().defaultTo('');
    t.integer('updated_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('updated_by_label', 300).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('submitted_at', 30);
    t.string('published_at', 30);
    t.string('created_at', 30).notNullable();
    t.unique(['event_id', 'member_state_id']);
    t.index(['status', 'published_at']);
    t.check("status in ('draft', 'submitted', 'returned', 'published', 'withdrawn')", [], 'overviews_status_check');
    t.check("language in ('en', 'fr', 'es')", [], 'overviews_language_check');
  });

  await knex.schema.createTable('overview_revisions', (t) => {
    t.increments('id').primary();
    t.integer('overview_id').unsigned().notNullable().references('id').inTable('overviews').onDelete('CASCADE');
    t.integer('revision').notNullable();
    t.string('status', 10).notNullable();
    t.string('language', 2).notNullable();
    t.string('title', 500).notNullable();
    t.text('sections').notNullable();
    t.integer('saved_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('saved_by_label', 300).notNullable();
    t.string('saved_at', 30).notNullable();
    t.unique(['overview_id', 'revision']);
  });

  if (isPostgres(knex)) {
    await knex.schema.createTable('overview_search', (t) => {
      t.integer('overview_id').unsigned().primary().references('id').inTable('overviews').onDelete('CASCADE');
      // The language whose text search configuration made the document (and parses queries against it).
      t.string('language', 2).notNullable();
      t.text('title').notNullable();
      t.text('body').notNullable();
      t.specificType('document', 'tsvector').notNullable();
    });
    await knex.raw('CREATE INDEX overview_search_document ON overview_search USING GIN (document)');
  } else {
    // rowid = the overview's id. Accents folded, English stems (Porter); queries use prefixes, so
    // that a French or Spanish plural finds its singular as well.
    await knex.raw("CREATE VIRTUAL TABLE overview_search USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')");
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('overview_search');
  await knex.schema.dropTable('overview_revisions');
  await knex.schema.dropTable('overviews');
  await knex.schema.dropTable('event_calls');
  await knex.schema.dropTable('events');
}
