import { and, asc, eq, gt } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { actionLists, entitlements, grants, principals, scanAccounts, scans, sodConflicts } from '../schema';
import type { StoredPrincipalAnalysis } from '../schema/stored-json';
import { readGrantRowDefaults } from '../stored-json/grant-columns';
import { readPrincipalActions, readPrincipalAnalysis } from '../stored-json/principal-columns';
import { describeDenial } from '../../lib/analysis/evaluation/describe-denial';
import { describeDecidedCondition } from '../../lib/analysis/evaluation/principal-facts';
import type { DecidedCondition } from '../../lib/analysis/types';
import { decodeGrantActions } from './grant-actions';
import { entitlementPathColumns } from './entitlement-path-columns';
import { getLatestPublishedScanId } from './scans';

export interface ExportedGrant {
  action: string;
  tier: string;
  resources: string[];
  notResources: string[];
  regions: string[];
  isConditional: boolean;
  requiresGuardrail: boolean;
  conditions: unknown[];
  /** Conditions on facts of the principal that the engine decided, each with its sentence. */
  decided: Array<DecidedCondition & { sentence: string }>;
  path: {
    policyKind: string;
    policyArn: string | null;
    policyName: string;
    attachedVia: string;
    groupName: string | null;
    statementId: string | null;
    statementIndex: number;
  };
}

export interface ExportedPrincipal {
  arn: string;
  accountId: string;
  type: string;
  name: string;
  owner: string | null;
  actions: string[];
  tiers: string[];
  blastRadius: StoredPrincipalAnalysis['blastRadius'];
  sodConflicts: Array<{ rule: string; severity: string; title: string }>;
  exposure: StoredPrincipalAnalysis['exposure'];
  recommendations: StoredPrincipalAnalysis['recommendations'];
  grants: ExportedGrant[];
  /** Bedrock actions an identity policy allows but a Deny, the boundary or an SCP blocks, and why. */
  denied: ExportedDenial[];
}

export interface ExportedDenial {
  action: string;
  source: 'identity' | 'boundary' | 'scp';
  /** The policy (or, for an SCP level that allows nothing, the level). */
  policy: string;
  reason: string;
}

export interface ExportedScan {
  id: number;
  status: string;
  source: string;
  startedAt: string | null;
  finishedAt: string | null;
  errors: Array<{ accountId: string; error: string }>;
}

/** The latest published scan (the snapshot the pages show) with the accounts that failed in it. */
export function findLatestPublishedScan(database: AppDatabase): ExportedScan | null {
  const scanId = getLatestPublishedScanId(database);
  const scan = scanId === null ? undefined : database.select({ id: scans.id, status: scans.status, source: scans.source, startedAt: scans.startedAt, finishedAt: scans.finishedAt }).from(scans).where(eq(scans.id, scanId)).get();
  if (!scan) return null;
  const errors = database
    .select({ accountId: scanAccounts.accountId, error: scanAccounts.error })
    .from(scanAccounts)
    .where(and(eq(scanAccounts.scanId, scan.id), eq(scanAccounts.status, 'failed')))
    .all()
    .map((row) => ({ accountId: row.accountId, error: row.error ?? 'unknown error' }));
  return { ...scan, errors };
}

/**
 * Yields every Bedrock-holding principal of a scan with its grants, in pages, so an export of
 * 100,000 principals never holds them all in memory.
 */
export function* iterateExportedPrincipals(database: AppDatabase, scanId: number, pageSize = 500): Generator<ExportedPrincipal> {
  let lastId = 0;
  for (;;) {
    const page = database
      .select({ id: principals.id, arn: principals.arn, accountId: principals.accountId, type: principals.type, name: principals.name, owner: principals.ownerEmail, analysis: principals.analysis, actions: actionLists.list })
      .from(principals)
      .innerJoin(actionLists, eq(actionLists.hash, principals.actionsHash))
      .where(and(eq(principals.scanId, scanId), eq(principals.hasBedrock, true), gt(principals.id, lastId)))
      .orderBy(asc(principals.id))
      .limit(pageSize)
      .all();
    if (page.length === 0) return;
    for (const principal of page) {
      lastId = principal.id;
      const analysis = readPrincipalAnalysis(principal.analysis, principal.id);
      const conflicts = database
        .select({ rule: sodConflicts.ruleId, severity: sodConflicts.severity, title: sodConflicts.title })
        .from(sodConflicts)
        .where(eq(sodConflicts.principalId, principal.id))
        .all();
      const grantRows = database
        .select({
          id: grants.id,
          actions: actionLists.list,
          resources: grants.resources,
          notResources: grants.notResources,
          regions: grants.regions,
          conditions: grants.conditions,
          statementId: grants.statementId,
          statementIndex: grants.statementIndex,
          ...entitlementPathColumns,
        })
        .from(grants)
        .innerJoin(entitlements, eq(entitlements.id, grants.entitlementId))
        .innerJoin(actionLists, eq(actionLists.hash, grants.actionsHash))
        .where(eq(grants.principalId, principal.id))
        .orderBy(asc(grants.id))
        .all();
      const exportedGrants: ExportedGrant[] = grantRows.flatMap((row) =>
        decodeGrantActions(row.actions, readGrantRowDefaults(row), row.id).map((grant) => ({
          action: grant.action,
          tier: grant.tier,
          resources: grant.resources,
          notResources: grant.notResources,
          regions: grant.regions,
          // Each action's own conditions decide, not the row's flag (any action of the statement).
          isConditional: grant.conditions.length > 0,
          requiresGuardrail: grant.requiresGuardrail,
          conditions: grant.conditions,
          decided: (grant.decided ?? []).map((decided) => ({ ...decided, sentence: describeDecidedCondition(decided) })),
          path: { policyKind: row.policyKind, policyArn: row.policyArn, policyName: row.policyName, attachedVia: row.attachedVia, groupName: row.groupName, statementId: row.statementId, statementIndex: row.statementIndex },
        })),
      );
      yield {
        arn: principal.arn,
        accountId: principal.accountId,
        type: principal.type,
        name: principal.name,
        owner: principal.owner,
        actions: readPrincipalActions(principal.actions, principal.id),
        tiers: analysis.tiers,
        blastRadius: analysis.blastRadius,
        sodConflicts: conflicts,
        exposure: analysis.exposure,
        recommendations: analysis.recommendations,
        grants: exportedGrants,
        denied: analysis.denied.map((denied) => ({ action: denied.action, source: denied.deniedBy.source, policy: denied.deniedBy.policyName, reason: describeDenial(denied.deniedBy) })),
      };
    }
  }
}
