import type { Knex } from 'knex';

// The sessions table, as the session store (connect-session-knex) defines it. The store used to
// make it itself when the server started, after the migrations: instances started together on a
// new database raced to create it and all but one stopped. A database where the store made it
// already keeps its table as it is.
export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('sessions')) return;
  await knex.schema.createTable('sessions', (t) => {
    t.string('sid').primary();
    t.json('sess').notNullable();
    t.timestamp('expired').notNullable().index();
  });
}

// Before this migration the server made the table at start; the code of then makes it again.
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sessions');
}
