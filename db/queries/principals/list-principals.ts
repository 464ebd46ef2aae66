import { and, count, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, principals } from '../../schema';
import type { PrincipalListQuery } from '../../../lib/principals/search-params';
import { rowsInIdOrder, toPaging, type Viewer } from '../viewer';
import { filterConditions, listColumns, orderOf, type PrincipalListRow } from './list-conditions';

/** A page of principals of one scan, filtered, sorted and scoped to the viewer, with the total. */
export function listPrincipals(database: AppDatabase, viewer: Viewer, scanId: number, query: PrincipalListQuery): { rows: PrincipalListRow[]; total: number } {
  const where = and(...filterConditions(viewer, scanId, query));
  const { limit, offset } = toPaging(query.page, query.pageSize);
  // Deferred join: the page's ids first, from the covering list index (skipping 50,000 rows of a
  // deep page there costs little), then only those rows, which carry wide JSON columns.
  const ids = database
    .select({ id: principals.id })
    .from(principals)
    .where(where)
    .orderBy(...orderOf(query))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => row.id);
  const rows = rowsInIdOrder(ids, (pageIds) => database.select(listColumns).from(principals).leftJoin(accounts, eq(accounts.id, principals.accountId)).where(inArray(principals.id, pageIds)).all());
  const total = database.select({ total: count() }).from(principals).where(where).get()?.total ?? 0;
  return { rows, total };
}
