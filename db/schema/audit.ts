import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { idColumn } from './columns';

/**
 * Append-only record of who did what. Each entry carries the hash of the previous one, so an
 * edited or deleted row breaks the chain (`npm run cli -- audit verify`). Triggers in the
 * migration refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: idColumn(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('audit_log_object_idx').on(table.objectType, table.objectId), index('audit_log_actor_idx').on(table.actor)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
