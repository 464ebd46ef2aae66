import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { idColumn, createdStamp } from './columns';
import { severityColumn } from './snapshot';

/** Separation-of-duties rules: shipped defaults are seeded here and admins may edit them. */
export const sodRules = sqliteTable('sod_rules', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  severity: severityColumn(),
  rationale: text('rationale').notNull(),
  /** JSON {tiers, actions}. */
  sideA: text('side_a').notNull(),
  sideB: text('side_b').notNull(),
  isEnabled: integer('is_enabled', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/**
 * What an exception covers: the conflicts of one rule on one principal, in every scan. A request
 * for an exception (sod-exception-requests.ts) carries the same, and approval copies it over.
 */
export function exceptionSubject() {
  return { ruleId: text('rule_id').notNull(), principalArn: text('principal_arn').notNull() };
}

/** Why an exception is granted and until when (ISO time): asked for by a request, kept by the exception. */
export function exceptionTerms() {
  return { reason: text('reason').notNull(), expiresAt: text('expires_at').notNull() };
}

/** A conflict an admin accepted, with a reason and an expiry; expired exceptions no longer apply. */
export const sodExceptions = sqliteTable(
  'sod_exceptions',
  {
    id: idColumn(),
    ...exceptionSubject(),
    ...exceptionTerms(),
    ...createdStamp(),
    withdrawnAt: text('withdrawn_at'),
  },
  (table) => [index('sod_exceptions_rule_principal_idx').on(table.ruleId, table.principalArn)],
);

export type SodException = typeof sodExceptions.$inferSelect;
