import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Settings editable in the app (JSON values), e.g. blast-radius weight overrides. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
