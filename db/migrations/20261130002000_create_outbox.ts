import type { Knex } from 'knex';

// The outbox: every message the app sends, written in the transaction of the event that causes
// it, then sent by a worker. A row is claimed by setting a lease (owner and time it ends), so that
// several server processes never send the same message at once; a lease that ran out is claimed
// again (delivery is at least once). `dedupe_key`, when set, keeps a message that may be queued by
// several processes (a scheduled reminder) to one row.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox_messages', (t) => {
    t.increments('id').primary();
    t.string('kind', 30).notNullable();
    t.string('message_id', 200).notNullable().unique();
    t.string('dedupe_key', 200).unique();
    t.string('recipient', 254).notNullable();
    t.integer('user_id').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.integer('member_state_id').unsigned().references('id').inTable('member_states').onDelete('SET NULL');
    t.integer('survey_id').unsigned().references('id').inTable('surveys').onDelete('SET NULL');
    t.string('language', 2).notNullable();
    t.string('subject', 500).notNullable();
    t.text('text_body').notNullable();
    t.text('html_body').notNullable();
    // The links the message carries, as a JSON array of strings (shown on the Outbox page).
    t.text('links').notNullable().defaultTo('[]');
    t.string('status', 10).notNullable().defaultTo('queued');
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('next_attempt_at', 30).notNullable();
    t.string('lease_owner', 80);
    t.string('lease_until', 30);
    t.text('last_reply');
    t.string('sent_at', 30);
    t.string('failed_at', 30);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.check("status in ('queued', 'sent', 'failed')", [], 'outbox_messages_status_check');
    t.check("language in ('en', 'fr', 'es')", [], 'outbox_messages_language_check');
    t.index(['status', 'next_attempt_at'], 'outbox_messages_due_index');
    t.index(['survey_id', 'member_state_id'], 'outbox_messages_survey_state_index');
    // The per-recipient limit counts an address's recent messages.
    t.index(['recipient', 'created_at'], 'outbox_messages_recipient_index');
  });

  // When reminders of a survey go out, in hours before its closing time; no row: 7 days and 1 day.
  await knex.schema.createTable('reminder_schedules', (t) => {
    t.integer('survey_id').unsigned().primary().references('id').inTable('surveys').onDelete('CASCADE');
    t.string('hours_before', 200).notNullable();
    t.string('updated_at', 30).notNullable();
  });

  // Each point of a survey's schedule that was acted on, once, whichever process came first.
  await knex.schema.createTable('reminder_points', (t) => {
    t.integer('survey_id').unsigned().notNullable().references('id').inTable('surveys').onDelete('CASCADE');
    t.integer('hours_before').notNullable();
    t.string('closes_at', 30).notNullable();
    t.string('done_at', 30).notNullable();
    t.integer('messages').notNullable();
    t.primary(['survey_id', 'hours_before', 'closes_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reminder_points');
  await knex.schema.dropTable('reminder_schedules');
  await knex.schema.dropTable('outbox_messages');
}
