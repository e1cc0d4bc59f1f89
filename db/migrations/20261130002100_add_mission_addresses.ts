import type { Knex } from 'knex';

// A Member State's mission address: the permanent mission's generic e-mail, which receives a copy
// of the notices its delegates receive.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('member_states', (t) => {
    t.string('mission_address', 254);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('member_states', (t) => {
    t.dropColumn('mission_address');
  });
}
