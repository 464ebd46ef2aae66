import type { AppDatabase } from '../../client';
import { hashText } from '../../content-hash';
import { actionLists } from '../../schema';

/**
 * Stores an action list's text in `action_lists` as the scan pipeline does (keyed by its sha256,
 * once however many rows name it) and returns the key, for seeders that write
 * `principals`, `entitlements` or `grants` rows themselves.
 */
export function storeActionList(database: AppDatabase, text: string): string {
  const hash = hashText(text);
  database.insert(actionLists).values({ hash, list: text }).onConflictDoNothing().run();
  return hash;
}

/** A list of action names (`principals` and `entitlements` rows) stored as JSON; returns its key. */
export function storeActionNames(database: AppDatabase, actions: readonly string[]): string {
  return storeActionList(database, JSON.stringify(actions));
}
