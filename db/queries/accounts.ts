import { asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { accounts, scanAccounts } from '../schema';
import { readOuPath } from '../stored-json/control-columns';

export interface AccountRow {
  id: string;
  name: string;
  environment: string;
  ownerEmail: string | null;
  ouPath: string;
  source: 'live' | 'offline';
  /** Principals with Bedrock access in the given scan (null when the account was not in it). */
  bedrockHolderCount: number | null;
  principalCount: number | null;
  lastScanId: number | null;
  lastScanStatus: 'ok' | 'failed' | null;
  lastScanError: string | null;
}

/**
 * Every known account with its outcome in the latest scan that covered it, and its Bedrock
 * holders in the given published scan (from scan_accounts, counted once by the pipeline).
 */
export function listAccounts(database: AppDatabase, publishedScanId: number | null): AccountRow[] {
  const rows = database
    .select({
      id: accounts.id,
      name: accounts.name,
      environment: accounts.environment,
      ownerEmail: accounts.ownerEmail,
      ouPath: accounts.ouPath,
      source: accounts.source,
      bedrockHolderCount: scanAccounts.bedrockPrincipalCount,
      principalCount: scanAccounts.principalCount,
      lastScanId: sql<number | null>`(SELECT MAX(latest.scan_id) FROM scan_accounts AS latest WHERE latest.account_id = ${accounts.id})`,
    })
    .from(accounts)
    .leftJoin(scanAccounts, sql`${scanAccounts.accountId} = ${accounts.id} AND ${scanAccounts.scanId} = ${publishedScanId ?? -1}`)
    .orderBy(asc(accounts.name))
    .all();
  return rows.map((row) => {
    const last = row.lastScanId === null ? undefined : database.select({ status: scanAccounts.status, error: scanAccounts.error }).from(scanAccounts).where(sql`${scanAccounts.scanId} = ${row.lastScanId} AND ${eq(scanAccounts.accountId, row.id)}`).get();
    return {
      ...row,
      ouPath: readOuPath(row.ouPath, row.id).map((unit) => unit.name).join(' / '),
      lastScanStatus: last?.status ?? null,
      lastScanError: last?.error ?? null,
    };
  });
}
