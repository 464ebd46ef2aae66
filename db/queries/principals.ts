import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../client';
import { accounts, entitlements, grants, principals, scans, sodConflicts, sodExceptions } from '../schema';
import type { StoredConflictSide, StoredPrincipalAnalysis, StoredPrincipalFacts } from '../schema/stored-json';
import { NotFoundError } from '../../lib/http/errors';
import { tierBit } from '../../lib/analysis/tier-mask';
import { TIERS, type ConditionEntry, type Severity } from '../../lib/analysis/types';
import { decodeGrantActions, type StoredGrantAction } from './grant-actions';
import { accountCondition } from './account-options';
import { ownerScope, rowsInIdOrder, toLikePattern, toPaging, type Viewer } from './viewer';

export const PRINCIPAL_SORTS = ['score', 'name', 'account', 'lastUsed', 'conflicts'] as const;
export type PrincipalSort = (typeof PRINCIPAL_SORTS)[number];
export const EXPOSURES = ['outside-org', 'unpinned-oidc', 'public'] as const;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));
/** An empty form field ("") means no bound, not 0: `z.coerce` alone would turn it into 0. */
const optionalScore = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.coerce.number().int().min(0).max(100).optional()).catch(undefined);

/**
 * The URL state of the principals table (and its CSV export). Unknown or malformed values fall
 * back to defaults instead of failing the page: a stale bookmark still opens.
 */
export const principalListQuerySchema = z.object({
  /** A 12-digit account id, or an account's exact name (case-insensitive): large organisations type it. */
  account: optionalText.catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  minScore: optionalScore,
  maxScore: optionalScore,
  owner: optionalText.catch(undefined),
  exposure: z.enum(EXPOSURES).optional().catch(undefined),
  hasConflict: z.enum(['yes', 'no']).optional().catch(undefined),
  /** Principals without any Bedrock grant are hidden unless asked for. */
  scope: z.enum(['bedrock', 'all']).default('bedrock').catch('bedrock'),
  q: optionalText.catch(undefined),
  sort: z.enum(PRINCIPAL_SORTS).default('score').catch('score'),
  direction: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});

export type PrincipalListQuery = z.infer<typeof principalListQuerySchema>;

/** Turns Next.js `searchParams` (string | string[]) into a typed query. */
export function parsePrincipalListQuery(searchParams: Record<string, string | string[] | undefined>): PrincipalListQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return principalListQuerySchema.parse(flat);
}

/** Sortable columns: only these reach ORDER BY. Every one has an index on (scan_id, column). */
const SORT_COLUMNS = {
  score: principals.score,
  name: principals.name,
  account: principals.accountId,
  lastUsed: principals.lastUsedAt,
  conflicts: principals.conflictCount,
} as const satisfies Record<PrincipalSort, unknown>;

const DEFAULT_DIRECTION: Record<PrincipalSort, 'asc' | 'desc'> = { score: 'desc', name: 'asc', account: 'asc', lastUsed: 'desc', conflicts: 'desc' };

export function directionOf(query: Pick<PrincipalListQuery, 'sort' | 'direction'>): 'asc' | 'desc' {
  return query.direction ?? DEFAULT_DIRECTION[query.sort];
}

function filterConditions(viewer: Viewer, scanId: number, query: PrincipalListQuery): SQL[] {
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

const listColumns = {
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

function orderOf(query: PrincipalListQuery): SQL[] {
  const column = SORT_COLUMNS[query.sort];
  const direction = directionOf(query);
  // SQLite sorts NULL lowest: "never used" comes last when newest-first and first when oldest-first,
  // and the (scan_id, column) index serves the ORDER BY without a sort step.
  return [direction === 'asc' ? asc(column) : desc(column), asc(principals.id)];
}

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

/** Owners that appear in a scan, for the owner filter. */
export function listPrincipalOwners(database: AppDatabase, scanId: number): string[] {
  return database
    .selectDistinct({ ownerEmail: principals.ownerEmail })
    .from(principals)
    .where(and(eq(principals.scanId, scanId), sql`${principals.ownerEmail} IS NOT NULL`))
    .orderBy(principals.ownerEmail)
    .limit(500)
    .all()
    .map((row) => row.ownerEmail as string);
}

export interface PrincipalDetail {
  id: number;
  scanId: number;
  scanFinishedAt: string | null;
  isLatestScan: boolean;
  arn: string;
  name: string;
  type: 'user' | 'role';
  path: string;
  accountId: string;
  accountName: string | null;
  environment: string | null;
  ownerEmail: string | null;
  permissionSetName: string | null;
  score: number;
  tiersMask: number;
  actionCount: number;
  conflictCount: number;
  lastUsedAt: string | null;
  facts: StoredPrincipalFacts;
  analysis: StoredPrincipalAnalysis;
}

/**
 * One principal of a published scan, scoped to the viewer in the WHERE clause: an owner who
 * types another owner's id gets NotFoundError, exactly as for an id that does not exist.
 */
export function getPrincipalDetail(database: AppDatabase, viewer: Viewer, principalId: number, latestScanId: number | null): PrincipalDetail {
  const row = database
    .select({
      id: principals.id,
      scanId: principals.scanId,
      scanFinishedAt: scans.finishedAt,
      arn: principals.arn,
      name: principals.name,
      type: principals.type,
      path: principals.path,
      accountId: principals.accountId,
      accountName: accounts.name,
      environment: accounts.environment,
      ownerEmail: principals.ownerEmail,
      permissionSetName: principals.permissionSetName,
      score: principals.score,
      tiersMask: principals.tiersMask,
      actionCount: principals.actionCount,
      conflictCount: principals.conflictCount,
      lastUsedAt: principals.lastUsedAt,
      facts: principals.facts,
      analysis: principals.analysis,
    })
    .from(principals)
    .innerJoin(scans, eq(scans.id, principals.scanId))
    .leftJoin(accounts, eq(accounts.id, principals.accountId))
    .where(and(eq(principals.id, principalId), eq(scans.isPublished, true), ownerScope(viewer, principals.ownerEmail)))
    .get();
  if (!row) throw new NotFoundError('No such principal, or it is not yours to see.');
  return {
    ...row,
    isLatestScan: row.scanId === latestScanId,
    facts: JSON.parse(row.facts) as StoredPrincipalFacts,
    analysis: JSON.parse(row.analysis) as StoredPrincipalAnalysis,
  };
}

export type { StoredGrantAction } from './grant-actions';

export interface PrincipalGrantStatement {
  id: number;
  statementId: string | null;
  statementIndex: number;
  actions: StoredGrantAction[];
  resources: string[];
  notResources: string[];
  regions: string[];
  conditions: ConditionEntry[];
  isConditional: boolean;
  requiresGuardrail: boolean;
}

export interface PrincipalEntitlement {
  id: number;
  entitlementKey: string;
  policyKind: 'managed' | 'inline';
  policyArn: string | null;
  policyName: string;
  isAwsManaged: boolean;
  attachedVia: 'direct' | 'group';
  groupName: string | null;
  tiersMask: number;
  actionCount: number;
  isConditional: boolean;
  statements: PrincipalGrantStatement[];
}

/** Entitlements of a principal with their grants grouped by statement, scoped to the viewer. */
export function listPrincipalEntitlements(database: AppDatabase, viewer: Viewer, principalId: number): PrincipalEntitlement[] {
  const rows = database
    .select({
      id: entitlements.id,
      entitlementKey: entitlements.entitlementKey,
      policyKind: entitlements.policyKind,
      policyArn: entitlements.policyArn,
      policyName: entitlements.policyName,
      isAwsManaged: entitlements.isAwsManaged,
      attachedVia: entitlements.attachedVia,
      groupName: entitlements.groupName,
      tiersMask: entitlements.tiersMask,
      actionCount: entitlements.actionCount,
      isConditional: entitlements.isConditional,
    })
    .from(entitlements)
    .innerJoin(principals, eq(principals.id, entitlements.principalId))
    .where(and(eq(entitlements.principalId, principalId), eq(entitlements.scanId, principals.scanId), ownerScope(viewer, principals.ownerEmail)))
    .orderBy(desc(entitlements.tiersMask), asc(entitlements.policyName))
    .all();
  if (rows.length === 0) return [];
  const grantRows = database
    .select({
      id: grants.id,
      entitlementId: grants.entitlementId,
      statementId: grants.statementId,
      statementIndex: grants.statementIndex,
      actions: grants.actions,
      resources: grants.resources,
      notResources: grants.notResources,
      regions: grants.regions,
      conditions: grants.conditions,
      isConditional: grants.isConditional,
      requiresGuardrail: grants.requiresGuardrail,
    })
    .from(grants)
    .where(inArray(grants.entitlementId, rows.map((row) => row.id)))
    .orderBy(asc(grants.statementIndex))
    .all();
  const byEntitlement = new Map<number, PrincipalGrantStatement[]>();
  for (const grant of grantRows) {
    const list = byEntitlement.get(grant.entitlementId) ?? [];
    const defaults = {
      resources: JSON.parse(grant.resources) as string[],
      notResources: JSON.parse(grant.notResources) as string[],
      regions: JSON.parse(grant.regions) as string[],
      conditions: JSON.parse(grant.conditions) as ConditionEntry[],
    };
    list.push({
      id: grant.id,
      statementId: grant.statementId,
      statementIndex: grant.statementIndex,
      actions: decodeGrantActions(grant.actions, defaults),
      ...defaults,
      isConditional: grant.isConditional,
      requiresGuardrail: grant.requiresGuardrail,
    });
    byEntitlement.set(grant.entitlementId, list);
  }
  return rows.map((row) => ({ ...row, statements: byEntitlement.get(row.id) ?? [] }));
}

/** One grant path on one side of a conflict, with the actions it gives (see StoredConflictSide). */
export type ConflictSideGrant = StoredConflictSide;

/**
 * Reads `sod_conflicts.side_a/side_b`. Rows written before the per-path format (one entry per
 * action: `{action, tier, path}`) are folded into the same shape so old snapshots still display.
 */
export function parseConflictSide(json: string): ConflictSideGrant[] {
  const entries = JSON.parse(json) as Array<StoredConflictSide | { action: string; tier: string; path: StoredConflictSide['path'] }>;
  const result: ConflictSideGrant[] = [];
  for (const entry of entries) {
    if ('actions' in entry) {
      result.push(entry);
      continue;
    }
    const existing = result.find((candidate) => candidate.path.policyName === entry.path.policyName && candidate.path.groupName === entry.path.groupName && candidate.path.statementIndex === entry.path.statementIndex);
    if (existing) {
      existing.actions.push(entry.action);
      if (!existing.tiers.includes(entry.tier)) existing.tiers.push(entry.tier);
    } else {
      result.push({ path: entry.path, tiers: [entry.tier], actions: [entry.action] });
    }
  }
  return result;
}

export interface PrincipalConflict {
  id: number;
  ruleId: string;
  severity: Severity;
  title: string;
  sideA: ConflictSideGrant[];
  sideB: ConflictSideGrant[];
  exception: { reason: string; expiresAt: string; createdBy: string } | null;
}

/** SoD conflicts of one principal with both sides and any active exception, scoped to the viewer. */
export function listPrincipalConflicts(database: AppDatabase, viewer: Viewer, principalId: number, now = new Date()): PrincipalConflict[] {
  const rows = database
    .select({ id: sodConflicts.id, ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, title: sodConflicts.title, sideA: sodConflicts.sideA, sideB: sodConflicts.sideB, principalArn: sodConflicts.principalArn })
    .from(sodConflicts)
    .innerJoin(principals, eq(principals.id, sodConflicts.principalId))
    .where(and(eq(sodConflicts.principalId, principalId), ownerScope(viewer, principals.ownerEmail)))
    .orderBy(sql`CASE ${sodConflicts.severity} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`, asc(sodConflicts.ruleId))
    .all();
  if (rows.length === 0) return [];
  const activeExceptions = database
    .select({ ruleId: sodExceptions.ruleId, reason: sodExceptions.reason, expiresAt: sodExceptions.expiresAt, createdBy: sodExceptions.createdBy })
    .from(sodExceptions)
    .where(and(eq(sodExceptions.principalArn, rows[0].principalArn), sql`${sodExceptions.withdrawnAt} IS NULL`, sql`${sodExceptions.expiresAt} > ${now.toISOString()}`))
    .all();
  return rows.map((row) => {
    const exception = activeExceptions.find((candidate) => candidate.ruleId === row.ruleId);
    return {
      id: row.id,
      ruleId: row.ruleId,
      severity: row.severity,
      title: row.title,
      sideA: parseConflictSide(row.sideA),
      sideB: parseConflictSide(row.sideB),
      exception: exception ? { reason: exception.reason, expiresAt: exception.expiresAt, createdBy: exception.createdBy } : null,
    };
  });
}

export interface PrincipalHistoryPoint {
  scanId: number;
  principalId: number;
  finishedAt: string | null;
  score: number;
  tiersMask: number;
  actionCount: number;
}

/**
 * The same ARN across the last published scans, oldest first. The IN list of scan ids lets
 * SQLite use the (scan_id, arn) unique index once per scan.
 */
export function getPrincipalHistory(database: AppDatabase, viewer: Viewer, arn: string, scanLimit = 10): PrincipalHistoryPoint[] {
  const recentScans = database.select({ id: scans.id }).from(scans).where(eq(scans.isPublished, true)).orderBy(desc(scans.finishedAt), desc(scans.id)).limit(scanLimit);
  return database
    .select({ scanId: principals.scanId, principalId: principals.id, finishedAt: scans.finishedAt, score: principals.score, tiersMask: principals.tiersMask, actionCount: principals.actionCount })
    .from(principals)
    .innerJoin(scans, eq(scans.id, principals.scanId))
    .where(and(inArray(principals.scanId, recentScans), eq(principals.arn, arn), ownerScope(viewer, principals.ownerEmail)))
    .orderBy(asc(scans.finishedAt), asc(scans.id))
    .all();
}
