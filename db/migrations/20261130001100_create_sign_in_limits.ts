import type { Knex } from 'knex';

// Sign-in limits, counted per key (an account, an account from one address, an address, a known
// device), with the delay each key is held to; and the sessions table, made here with the columns
// the session store would give it, so that ending an account's sessions (at a password reset) is a
// query on a table the schema owns rather than one the store creates at its first request.
export async function up(knex: Knex): Promise<void> {
  // What the earlier rate limiter made for itself at run time; its counts are not carried over.
  await knex.schema.dropTableIfExists('sign_in_failures');
  await knex.schema.createTable('sign_in_limits', (t) => {
    t.string('key', 400).primary();
    t.integer('failures').notNullable();
    t.string('last_failure_at', 30).notNullable();
    t.string('blocked_until', 30);
    // Accounts only: failures since the account last signed in, to tell its owner at the next sign-in.
    t.integer('unreported').notNullable().defaultTo(0);
    t.string('first_unreported_at', 30);
  });
  if (!(await knex.schema.hasTable('sessions'))) {
    await knex.schema.createTable('sessions', (t) => {
      t.string('sid').primary();
      t.json('sess').notNullable();
      t.timestamp('expired').notNullable().index();
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sign_in_limits');
  await knex.schema.dropTableIfExists('sessions');
}
