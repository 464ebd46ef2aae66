import { eq } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AppDatabase } from '../client';
import { actionLists, entitlements, principals } from '../schema';

/**
 * The entitlements of one scan, each joined to its principal and to its action list (index
 * entitlements_scan_key_idx): the caller names the columns it needs from the three tables and,
 * if it cares, the order.
 */
export function readScanEntitlements<TColumns extends Record<string, SQLiteColumn>>(
  database: AppDatabase,
  scanId: number,
  columns: TColumns,
  options: { orderBy?: SQLiteColumn[] } = {},
): Array<SelectResultFields<TColumns>> {
  const rows = database
    .select(columns as Record<string, SQLiteColumn>)
    .from(entitlements)
    .innerJoin(principals, eq(principals.id, entitlements.principalId))
    .innerJoin(actionLists, eq(actionLists.hash, entitlements.actionsHash))
    .where(eq(entitlements.scanId, scanId))
    .orderBy(...(options.orderBy ?? []))
    .all();
  // drizzle cannot type a join over a selection it does not know yet; both joins are inner, so
  // each column comes back with its own type, as a plain select of `columns` would give it.
  return rows as Array<SelectResultFields<TColumns>>;
}
