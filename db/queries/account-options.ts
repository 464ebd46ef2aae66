import { asc } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { accounts } from '../schema';

/** Accounts for filter drop-downs (id and name only). */
export function listAccountOptions(database: AppDatabase): Array<{ id: string; name: string }> {
  return database.select({ id: accounts.id, name: accounts.name }).from(accounts).orderBy(asc(accounts.name)).limit(2000).all();
}
