import type { Knex } from 'knex';

// The optional translations of a policy overview: at most one per language other than the
// overview's own, each with its title and one Markdown text per section of the call's template.
// A translation is part of the overview as submitted and reviewed: every revision of the overview
// records the translations it had (a JSON array; null on the revisions saved before this table).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('overview_translations', (t) => {
    t.increments('id').primary();
    t.integer('overview_id').unsigned().notNullable().references('id').inTable('overviews').onDelete('CASCADE');
    t.string('language', 2).notNullable();
    t.string('title', 500).notNullable().defaultTo('');
    // JSON array of Markdown texts, one per section of the call's template.
    t.text('sections').notNullable();
    t.integer('saved_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('saved_by_label', 300).notNullable();
    t.string('saved_at', 30).notNullable();
    t.unique(['overview_id', 'language']);
    t.check("language in ('en', 'fr', 'es')", [], 'overview_translations_language_check');
  });
  await knex.schema.alterTable('overview_revisions', (t) => {
    // [{"language", "title", "sections": [...], "savedBy", "savedAt"}, ...]
    t.text('translations');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('overview_revisions', (t) => {
    t.dropColumn('translations');
  });
  await knex.schema.dropTable('overview_translations');
}
