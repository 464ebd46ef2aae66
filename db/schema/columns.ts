import { integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Column builders the tables share, so a rule about a kind of column (how rows are numbered, what
 * happens to a child when its parent goes, how an act is stamped) is written once. Each call
 * returns new builders: drizzle binds a builder to the table that declares it. A group of columns
 * is spread into the table where its columns stand (`...createdStamp()`).
 */

/** The surrogate key: a row number SQLite assigns and never reuses. */
export function idColumn() {
  return integer('id').primaryKey({ autoIncrement: true });
}

/** A required reference to a parent row, deleted with its parent. */
export function cascadingReference(name: string, parentKey: () => AnySQLiteColumn) {
  return integer(name).notNull().references(parentKey, { onDelete: 'cascade' });
}

/**
 * The tiers a row's access reaches, one bit per tier (lib/analysis/tier-mask.ts), so a filter by
 * tier is one comparison on an indexed integer.
 */
export function tiersMaskColumn() {
  return integer('tiers_mask').notNull();
}

/** Who created the row (the acting user) and when (ISO time). */
export function createdStamp() {
  return { createdBy: text('created_by').notNull(), createdAt: text('created_at').notNull() };
}

/** Who asked for what the row requests and when (ISO time): a request always has both. */
export function requestedStamp() {
  return { requestedBy: text('requested_by').notNull(), requestedAt: text('requested_at').notNull() };
}

/**
 * An IAM principal named by its ARN and the account it lives in. Unlike a `principals.id`, which
 * belongs to one snapshot, these stay the same from scan to scan, so rows of different snapshots
 * (and exceptions, revocations) match on them.
 */
export function principalReference() {
  return { principalArn: text('principal_arn').notNull(), accountId: text('account_id').notNull() };
}
