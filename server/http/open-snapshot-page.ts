import 'server-only';
import { getDatabase, type AppDatabase } from '../../db/client';
import { getLatestPublishedScan, type PublishedScanHeader } from '../../db/queries/scans';
import type { UserRole } from '../../db/schema/users';
import { requirePageUser, type SessionUser } from '../auth/session';

export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * How a page over the latest snapshot opens: the signed-in user (one of `roles`, else the sign-in
 * page or a refusal), the page's URL state read through its feature's parser, and the latest
 * published scan (null before the first import: the page shows "no scan yet").
 */
export async function openSnapshotPage<Query>(roles: UserRole[], parseQuery: (searchParams: Record<string, string | string[] | undefined>) => Query, searchParams: PageSearchParams): Promise<{ user: SessionUser; query: Query; database: AppDatabase; scan: PublishedScanHeader | null }> {
  const user = await requirePageUser(...roles);
  const query = parseQuery(await searchParams);
  const database = getDatabase();
  return { user, query, database, scan: getLatestPublishedScan(database) };
}
