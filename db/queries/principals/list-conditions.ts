import { asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { accounts, principals } from '../../schema';
import { tierBit } from '../../../lib/analysis/tier-mask';
import type { Severity } from '../../../lib/analysis/types';
import { directionOf, type PrincipalListQuery, type PrincipalSort } from '../../../lib/principals/search-params';
import { accountCondition } from '../account-options';
import { ownerScope, toLikePattern, type Viewer } from '../viewer';

// Shared by the principals table and its CSV export: the same filters, scoping, columns and order.

/** Sortable columns: only these reach ORDER BY. Every one has an index on (scan_id, column). */
const SORT_COLUMNS = {
  score: principals.score,
  name: principals.name,
  account: principals.accountId,
  lastUsed: principals.lastUsedAt,
  conflicts: principals.conflictCount,
} as const satisfies Record<PrincipalSort, unknown>;

export function filterConditions(viewer: Viewer, scanId: number, query: PrincipalListQuery): SQL[] {
  const conditions: Array<SQL | undefined> = [eq(principals.scanId, scanId), ownerScope(viewer, principals.ownerEmail)];
  if (query.scope === 'bedrock') conditions.push(eq(principals.hasBedrock, true));
  if (query.account) conditions.push(accountCondition(principals.accountId, query.account));
  if (query.tier) conditions.push(sql`(${principals.tiersMask} & ${tierBit(query.tier)}) != 0`);
  if (query.minScore !== undefined) conditions.push(gte(principals.score, query.minScore));
  if (query.maxScore !== undefined) conditions.push(lte(principals.score, query.maxScore));
  if (query.owner && viewer.role !== 'owner') {
    conditions.push(query.owner === 'none' ? sql`${principals.ownerEmail} IS NULL` : eq(principals.ownerEmail, query.owner.toLowerCase()));
  }
  if (query.exposure === 'outside-org') conditions.push(eq(principals.isExposedOutsideOrg, true));
  if (query.exposure === 'unpinned-oidc') conditions.push(eq(principals.hasUnpinnedOidc, true));
  if (query.exposure === 'public') conditions.push(eq(principals.hasPublicTrust, true));
  if (query.hasConflict === 'yes') conditions.push(sql`${principals.conflictCount} > 0`);
  if (query.hasConflict === 'no') conditions.push(eq(principals.conflictCount, 0));
  if (query.q) {
    // The name is inside the ARN; a search that looks like an ARN fragment (`:` or `/`) matches the
    // ARN, anything else only the name, which the (scan_id, name) index covers.
    const pattern = toLikePattern(query.q);
    if (/[:/]/.test(query.q)) {
      conditions.push(sql`${principals.arn} LIKE ${pattern} ESCAPE '\\'`);
    } else {
      // Matched inside the covering (scan_id, name) index first, so only matching rows are read.
      conditions.push(sql`${principals.id} IN (SELECT matched.id FROM principals AS matched WHERE matched.scan_id = ${scanId} AND matched.name LIKE ${pattern} ESCAPE '\\')`);
    }
  }
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** One row of the principals table: only the columns it shows (never facts or analysis JSON). */
export interface PrincipalListRow {
  id: number;
  arn: string;
  name: string;
  type: 'user' | 'role';
  permissionSetName: string | null;
  accountId: string;
  accountName: string | null;
  ownerEmail: string | null;
  tiersMask: number;
  score: number;
  conflictCount: number;
  maxConflictSeverity: Severity | null;
  lastUsedAt: string | null;
}

export const listColumns = {
  id: principals.id,
  arn: principals.arn,
  name: principals.name,
  type: principals.type,
  permissionSetName: principals.permissionSetName,
  accountId: principals.accountId,
  accountName: accounts.name,
  ownerEmail: principals.ownerEmail,
  tiersMask: principals.tiersMask,
  score: principals.score,
  conflictCount: principals.conflictCount,
  maxConflictSeverity: principals.maxConflictSeverity,
  lastUsedAt: principals.lastUsedAt,
};

export function orderOf(query: PrincipalListQuery): SQL[] {
  const column = SORT_COLUMNS[query.sort];
  const direction = directionOf(query);
  // SQLite sorts NULL lowest: "never used" comes last when newest-first and first when oldest-first,
  // and the (scan_id, column) index serves the ORDER BY without a sort step.
  return [direction === 'asc' ? asc(column) : desc(column), asc(principals.id)];
}

