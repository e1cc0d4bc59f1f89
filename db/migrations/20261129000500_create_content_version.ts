import type { Knex } from 'knex';

// One row counting the changes to what a survey is made of (questions, options, and the Member
// States' codes its proposed options show), so that a process may keep a survey's questions and
// options in memory and know, reading the survey, whether they are still what is stored.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('content_version', (t) => {
    t.integer('id').primary();
    t.bigInteger('version').notNullable();
  });
  await knex('content_version').insert({ id: 1, version: 0 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('content_version');
}
