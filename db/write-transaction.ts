import type { AppDatabase } from './client';

/**
 * Runs `work` in one synchronous IMMEDIATE transaction (a savepoint when already inside one).
 * IMMEDIATE takes the write lock up front, so two processes deciding the same item queue up
 * instead of failing on lock upgrade. `work` must not be async: better-sqlite3 would commit early.
 */
export function inWriteTransaction<Result>(database: AppDatabase, work: () => Result): Result {
  const transaction = database.$client.transaction(work);
  return database.$client.inTransaction ? transaction() : transaction.immediate();
}
