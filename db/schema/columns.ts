import { integer, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Column builders the tables share, so a rule about a kind of column (how rows are numbered, what
 * happens to a child when its parent goes) is written once. Each call returns a new builder:
 * drizzle binds a builder to the table that declares it.
 */

/** The surrogate key: a row number SQLite assigns and never reuses. */
export function idColumn() {
  return integer('id').primaryKey({ autoIncrement: true });
}

/** A required reference to a parent row, deleted with its parent. */
export function cascadingReference(name: string, parentKey: () => AnySQLiteColumn) {
  return integer(name).notNull().references(parentKey, { onDelete: 'cascade' });
}
