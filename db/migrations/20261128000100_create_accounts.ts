import type { Knex } from 'knex';

// Times are ISO 8601 UTC strings (fixed width, so they sort and compare the same on both engines).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('member_states', (t) => {
    t.increments('id').primary();
    t.string('iso3', 3).notNullable().unique();
    t.string('name_en', 200).notNullable();
    t.string('name_fr', 200).notNullable();
    t.string('name_es', 200).notNullable();
    t.string('status', 10).notNullable();
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.check("status in ('member', 'observer')", [], 'member_states_status_check');
  });

  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable().unique();
    t.string('display_name', 200).notNullable();
    t.string('role', 10).notNullable();
    t.integer('member_state_id').unsigned().references('id').inTable('member_states').onDelete('RESTRICT');
    t.string('language', 2).notNullable().defaultTo('en');
    t.string('password_hash', 255);
    t.boolean('is_disabled').notNullable().defaultTo(false);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.check("role in ('admin', 'staff', 'delegate')", [], 'users_role_check');
    t.check("language in ('en', 'fr', 'es')", [], 'users_language_check');
    t.check(
      "(role = 'delegate' and member_state_id is not null) or (role <> 'delegate' and member_state_id is null)",
      [],
      'users_member_state_check',
    );
  });

  // One-time links: the first administrator's setup, invitations and password resets.
  await knex.schema.createTable('account_links', (t) => {
    t.increments('id').primary();
    t.string('purpose', 12).notNullable();
    t.string('token_hash', 64).notNullable().unique();
    t.integer('user_id').unsigned().references('id').inTable('users').onDelete('CASCADE');
    t.integer('created_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('created_at', 30).notNullable();
    t.string('expires_at', 30).notNullable();
    t.string('used_at', 30);
    t.check("purpose in ('setup', 'invitation', 'reset')", [], 'account_links_purpose_check');
  });

  await knex.schema.createTable('api_tokens', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.string('created_at', 30).notNullable();
    t.integer('created_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('last_used_at', 30);
    t.string('revoked_at', 30);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_tokens');
  await knex.schema.dropTable('account_links');
  await knex.schema.dropTable('users');
  await knex.schema.dropTable('member_states');
}
