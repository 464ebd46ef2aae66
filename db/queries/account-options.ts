import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AppDatabase } from '../client';
import { accounts } from '../schema';

/**
 * Up to this many accounts a filter is a list to pick from; beyond, a field to type an id or a
 * name (a list of 1,000 accounts is slow to scan by eye and was most of a page's weight).
 */
export const ACCOUNT_SELECT_LIMIT = 60;

/**
 * Accounts for a filter drop-down (id and name only), or null when there are more than `limit`:
 * the page then offers a text field, and never reads every account to find that out.
 */
export function listAccountOptions(database: AppDatabase, limit = ACCOUNT_SELECT_LIMIT): Array<{ id: string; name: string }> | null {
  const rows = database.select({ id: accounts.id, name: accounts.name }).from(accounts).orderBy(asc(accounts.name)).limit(limit + 1).all();
  return rows.length > limit ? null : rows;
}

/**
 * The filter condition for an account typed or picked in a filter: a 12-digit id, or an account's
 * exact name (case-insensitive), which is what people remember in large organisations.
 */
export function accountCondition(column: SQLiteColumn, account: string): SQL {
  return /^\d{12}$/.test(account) ? eq(column, account) : sql`${column} IN (SELECT ${accounts.id} FROM ${accounts} WHERE ${accounts.name} = ${account} COLLATE NOCASE)`;
}
