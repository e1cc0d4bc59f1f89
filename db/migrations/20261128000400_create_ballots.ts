import type { Knex } from 'knex';

// One ballot per survey and Member State; every submission is a new revision, all kept.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ballots', (t) => {
    t.increments('id').primary();
    t.integer('survey_id').unsigned().notNullable().references('id').inTable('surveys').onDelete('CASCADE');
    t.integer('member_state_id').unsigned().notNullable().references('id').inTable('member_states').onDelete('RESTRICT');
    t.integer('current_revision').notNullable();
    t.string('updated_at', 30).notNullable();
    t.unique(['survey_id', 'member_state_id']);
  });

  await knex.schema.createTable('ballot_revisions', (t) => {
    t.increments('id').primary();
    t.integer('ballot_id').unsigned().notNullable().references('id').inTable('ballots').onDelete('CASCADE');
    t.integer('revision').notNullable();
    t.integer('submitted_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('submitted_by_label', 300).notNullable();
    t.string('submitted_at', 30).notNullable();
    t.string('channel', 12).notNullable();
    t.string('receipt', 20).notNullable().unique();
    // {"<questionId>": {"ranking": [optionId, ...]} | {"abstain": true}}
    t.text('answers').notNullable();
    t.text('comments').notNullable().defaultTo('');
    t.unique(['ballot_id', 'revision']);
    t.check("channel in ('web', 'api', 'paper', 'note-verbale')", [], 'ballot_revisions_channel_check');
  });

  await knex.schema.createTable('proposals', (t) => {
    t.increments('id').primary();
    t.integer('question_id').unsigned().notNullable().references('id').inTable('questions').onDelete('CASCADE');
    t.integer('member_state_id').unsigned().notNullable().references('id').inTable('member_states').onDelete('RESTRICT');
    t.integer('submitted_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('language', 2).notNullable();
    t.string('title', 500).notNullable();
    t.text('description').notNullable().defaultTo('');
    t.string('status', 10).notNullable().defaultTo('pending');
    t.text('reason');
    t.integer('decided_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('decided_at', 30);
    t.integer('option_id').unsigned().references('id').inTable('options').onDelete('SET NULL');
    t.string('created_at', 30).notNullable();
    t.check("status in ('pending', 'accepted', 'declined')", [], 'proposals_status_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('proposals');
  await knex.schema.dropTable('ballot_revisions');
  await knex.schema.dropTable('ballots');
}
