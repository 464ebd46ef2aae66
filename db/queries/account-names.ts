import { inArray } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { accounts } from '../schema';

/** Names of the given accounts by id (ids without a registered account are absent). */
export function listAccountNames(database: AppDatabase, accountIds: readonly string[]): Map<string, string> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return new Map();
  return new Map(database.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, ids)).all().map((row) => [row.id, row.name]));
}
