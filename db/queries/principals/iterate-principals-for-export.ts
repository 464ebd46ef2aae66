import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, principals } from '../../schema';
import type { PrincipalListQuery } from '../../../lib/principals/search-params';
import type { Viewer } from '../viewer';
import { filterConditions, listColumns, orderOf, type PrincipalListRow } from './list-conditions';

/**
 * The filtered view in batches for the CSV export: same filters, same scoping, same order, and
 * never the whole result in memory at once.
 */
export function* iteratePrincipalsForExport(database: AppDatabase, viewer: Viewer, scanId: number, query: PrincipalListQuery, batchSize = 2000): Generator<PrincipalListRow[]> {
  const where = and(...filterConditions(viewer, scanId, query));
  for (let offset = 0; ; offset += batchSize) {
    const batch = database
      .select(listColumns)
      .from(principals)
      .leftJoin(accounts, eq(accounts.id, principals.accountId))
      .where(where)
      .orderBy(...orderOf(query))
      .limit(batchSize)
      .offset(offset)
      .all();
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
  }
}
