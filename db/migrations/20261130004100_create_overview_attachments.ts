import type { Knex } from 'knex';

// The PDF a delegation may attach to its overview: at most one per overview (the overview's id is
// the key), its bytes kept in the database with what the pages show of it and its SHA-256.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('overview_attachments', (t) => {
    t.integer('overview_id').unsigned().primary().references('id').inTable('overviews').onDelete('CASCADE');
    // Sanitised when received: safe to show and to put in a Content-Disposition header.
    t.string('file_name', 200).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    // A blob on SQLite, bytea on PostgreSQL.
    t.binary('content').notNullable();
    t.integer('uploaded_by').unsigned().references('id').inTable('users').onDelete('SET NULL');
    t.string('uploaded_by_label', 300).notNullable();
    t.string('uploaded_at', 30).notNullable();
    t.check('size > 0', [], 'overview_attachments_size_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('overview_attachments');
}
