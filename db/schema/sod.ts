import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { idColumn } from './columns';
import { SEVERITIES } from './snapshot';

/** Separation-of-duties rules: shipped defaults are seeded here and admins may edit them. */
export const sodRules = sqliteTable('sod_rules', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  severity: text('severity', { enum: SEVERITIES }).notNull(),
  rationale: text('rationale').notNull(),
  /** JSON {tiers, actions}. */
  sideA: text('side_a').notNull(),
  sideB: text('side_b').notNull(),
  isEnabled: integer('is_enabled', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/** A conflict an admin accepted, with a reason and an expiry; expired exceptions no longer apply. */
export const sodExceptions = sqliteTable(
  'sod_exceptions',
  {
    id: idColumn(),
    ruleId: text('rule_id').notNull(),
    principalArn: text('principal_arn').notNull(),
    reason: text('reason').notNull(),
    expiresAt: text('expires_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    withdrawnAt: text('withdrawn_at'),
  },
  (table) => [index('sod_exceptions_rule_principal_idx').on(table.ruleId, table.principalArn)],
);

export type SodException = typeof sodExceptions.$inferSelect;
