import type { Knex } from 'knex';

// Surveys, their questions and options; text in English with French and Spanish beside it
// (null when not yet translated).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('surveys', (t) => {
    t.increments('id').primary();
    t.string('title_en', 300).notNullable();
    t.string('title_fr', 300);
    t.string('title_es', 300);
    t.text('description_en').notNullable().defaultTo('');
    t.text('description_fr');
    t.text('description_es');
    t.string('reference', 60).notNullable().defaultTo('');
    t.string('status', 10).notNullable().defaultTo('draft');
    t.string('closes_at', 30);
    t.integer('quorum');
    // Drawn when the survey is first opened; the lot of every count replays from it.
    t.string('seed', 64);
    t.string('opened_at', 30);
    t.text('translation_override');
    // Set when an administrator reopens the options of an open survey to add an accepted proposal.
    t.boolean('options_reopened').notNullable().defaultTo(false);
    t.integer('created_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.check("status in ('draft', 'open', 'closed', 'published')", [], 'surveys_status_check');
  });

  await knex.schema.createTable('questions', (t) => {
    t.increments('id').primary();
    t.integer('survey_id').unsigned().notNullable().references('id').inTable('surveys').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.string('title_en', 500).notNullable();
    t.string('title_fr', 500);
    t.string('title_es', 500);
    t.text('description_en').notNullable().defaultTo('');
    t.text('description_fr');
    t.text('description_es');
    t.integer('seats').notNullable().defaultTo(1);
    t.string('method', 12).notNullable();
    t.integer('max_ranks');
    t.boolean('allow_abstain').notNullable().defaultTo(true);
    t.boolean('allow_comment').notNullable().defaultTo(true);
    t.boolean('allow_proposals').notNullable().defaultTo(false);
    t.check("method in ('irv', 'stv', 'schulze', 'borda', 'plurality')", [], 'questions_method_check');
    t.check('seats >= 1', [], 'questions_seats_check');
    t.index(['survey_id', 'position']);
  });

  await knex.schema.createTable('options', (t) => {
    t.increments('id').primary();
    t.integer('question_id').unsigned().notNullable().references('id').inTable('questions').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.string('label', 20).notNullable().defaultTo('');
    t.string('title_en', 500).notNullable();
    t.string('title_fr', 500);
    t.string('title_es', 500);
    t.text('description_en').notNullable().defaultTo('');
    t.text('description_fr');
    t.text('description_es');
    t.integer('proposed_by').unsigned().references('id').inTable('member_states').onDelete('SET NULL');
    t.index(['question_id', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('options');
  await knex.schema.dropTable('questions');
  await knex.schema.dropTable('surveys');
}
