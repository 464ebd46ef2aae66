import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { ENVIRONMENTS } from '../../lib/analysis/types';

export const ACCOUNT_SOURCES = ['live', 'offline'] as const;

/** AWS accounts of the organisation, as last seen by a scan. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** JSON array of {id,name}, root first. */
    ouPath: text('ou_path').notNull().default('[]'),
    environment: text('environment', { enum: ENVIRONMENTS }).notNull().default('unknown'),
    ownerEmail: text('owner_email'),
    tags: text('tags').notNull().default('{}'),
    source: text('source', { enum: ACCOUNT_SOURCES }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('accounts_environment_idx').on(table.environment), index('accounts_name_idx').on(table.name)],
);

export type Account = typeof accounts.$inferSelect;
