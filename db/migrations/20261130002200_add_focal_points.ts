import type { Knex } from 'knex';

// A delegate an administrator marks as their Member State's focal point manages their own
// delegation's accounts: invites colleagues, disables and re-enables them.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.boolean('is_focal_point').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('is_focal_point');
  });
}
