import type { Knex } from 'knex';

// The audit log is append-only and chained: each entry holds the hash of the one before.
// audit_head has one row; appending updates it first, which serialises appends on PostgreSQL.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_entries', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('seq').notNullable().unique();
    t.string('at', 30).notNullable();
    t.integer('actor_user_id').unsigned();
    t.string('actor_label', 300).notNullable();
    t.string('action', 60).notNullable();
    t.string('subject_type', 40).notNullable();
    t.string('subject_id', 60);
    t.text('details').notNullable();
    t.string('prev_hash', 64).notNullable();
    t.string('hash', 64).notNullable();
  });
  await knex.schema.createTable('audit_head', (t) => {
    t.integer('id').primary();
    t.bigInteger('seq').notNullable();
    t.string('hash', 64).notNullable();
  });
  await knex('audit_head').insert({ id: 1, seq: 0, hash: '0'.repeat(64) });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_head');
  await knex.schema.dropTable('audit_entries');
}
