import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { appendAudit } from '../../db/queries/audit';
import { accounts, entitlements, grants, policies, principals, scanAccounts, scans, sodConflicts } from '../../db/schema';
import type { StoredPrincipalAnalysis, StoredPrincipalFacts, StoredScanSummary } from '../../db/schema/stored-json';
import { groupGrantsIntoEntitlements } from '../../lib/analysis/entitlements';
import type { AnalyzedPrincipal } from '../../lib/analysis/snapshot-analysis-types';
import { tiersToMask } from '../../lib/analysis/tier-mask';
import type { AccountFacts, ManagedPolicyFacts, Severity } from '../../lib/analysis/types';

const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export interface AccountOutcome {
  accountId: string;
  status: 'ok' | 'failed';
  error: string | null;
  durationMs: number;
  principals: AnalyzedPrincipal[];
  managedPolicies: ManagedPolicyFacts[];
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function documentText(document: ManagedPolicyFacts['document']): string {
  return typeof document === 'string' ? document : JSON.stringify(document);
}

/**
 * Writes one account of a snapshot in ONE synchronous transaction (better-sqlite3 transactions
 * must not contain `await`). The rows stay invisible to pages until the scan is published.
 */
export function persistAccountOutcome(database: AppDatabase, scanId: number, outcome: AccountOutcome): void {
  const insertDocument = database.$client.prepare('INSERT OR IGNORE INTO policy_documents (hash, document) VALUES (?, ?)');
  const write = database.$client.transaction(() => {
    for (const policy of outcome.managedPolicies) {
      const text = documentText(policy.document);
      const hash = hashText(text);
      insertDocument.run(hash, text);
      database
        .insert(policies)
        .values({ scanId, accountId: outcome.accountId, arn: policy.arn, name: policy.name, isAwsManaged: policy.isAwsManaged, defaultVersionId: policy.defaultVersionId, documentHash: hash })
        .onConflictDoNothing()
        .run();
    }
    for (const principal of outcome.principals) persistPrincipal(database, scanId, principal);
    database
      .insert(scanAccounts)
      .values({
        scanId,
        accountId: outcome.accountId,
        status: outcome.status,
        error: outcome.error,
        principalCount: outcome.principals.length,
        bedrockPrincipalCount: outcome.principals.filter((principal) => principal.grants.length > 0).length,
        durationMs: Math.round(outcome.durationMs),
      })
      .onConflictDoUpdate({ target: [scanAccounts.scanId, scanAccounts.accountId], set: { status: outcome.status, error: outcome.error } })
      .run();
  });
  write.immediate();
}

function persistPrincipal(database: AppDatabase, scanId: number, principal: AnalyzedPrincipal): void {
  const facts: StoredPrincipalFacts = { principal: principal.facts, groups: principal.groups };
  const analysis: StoredPrincipalAnalysis = {
    tiers: principal.tiers,
    actions: principal.actions,
    blastRadius: principal.blastRadius,
    exposure: principal.exposure,
    denied: principal.denied,
    recommendations: principal.recommendations,
    credentials: principal.credentials,
    reachAccountIds: principal.reachAccountIds,
    errors: principal.errors,
  };
  const maxSeverity = principal.conflicts.reduce<Severity | null>(
    (worst, conflict) => (worst === null || SEVERITY_RANK[conflict.severity] > SEVERITY_RANK[worst] ? conflict.severity : worst),
    null,
  );
  const { id: principalId } = database
    .insert(principals)
    .values({
      scanId,
      accountId: principal.facts.accountId,
      arn: principal.facts.arn,
      type: principal.facts.type,
      name: principal.facts.name,
      path: principal.facts.path,
      ownerEmail: principal.ownerEmail,
      permissionSetName: principal.facts.type === 'role' ? principal.facts.permissionSetName : null,
      hasBedrock: principal.grants.length > 0,
      tiersMask: tiersToMask(principal.tiers),
      actionCount: principal.actions.length,
      score: principal.blastRadius.score,
      conflictCount: principal.conflicts.length,
      maxConflictSeverity: maxSeverity,
      lastUsedAt: principal.lastUsedAt,
      isExposedOutsideOrg: principal.exposure.isReachableFromOutsideOrganization,
      hasUnpinnedOidc: principal.exposure.hasUnpinnedOidcTrust,
      hasPublicTrust: principal.exposure.hasPublicTrust,
      facts: JSON.stringify(facts),
      analysis: JSON.stringify(analysis),
    })
    .returning({ id: principals.id })
    .get();

  for (const group of groupGrantsIntoEntitlements(principal.facts.arn, principal.grants)) {
    const { id: entitlementId } = database
      .insert(entitlements)
      .values({
        scanId,
        principalId,
        entitlementKey: group.key,
        policyKind: group.path.policyKind,
        policyArn: group.path.policyArn,
        policyName: group.path.policyName,
        isAwsManaged: group.path.isAwsManaged,
        attachedVia: group.path.attachedVia,
        groupName: group.path.groupName,
        tiersMask: tiersToMask(group.tiers),
        actions: JSON.stringify(group.actions),
        actionCount: group.actions.length,
        isConditional: group.isConditional,
      })
      .returning({ id: entitlements.id })
      .get();
    for (const statement of group.statements) {
      const first = statement.grants[0];
      database
        .insert(grants)
        .values({
          scanId,
          entitlementId,
          principalId,
          statementId: statement.statementId,
          statementIndex: statement.statementIndex,
          actions: JSON.stringify(statement.grants.map((grant) => ({ action: grant.action, tier: grant.tier, resources: grant.resources, notResources: grant.notResources, regions: grant.regions, conditions: grant.conditions, requiresGuardrail: grant.requiresGuardrail }))),
          tiersMask: tiersToMask(statement.grants.map((grant) => grant.tier)),
          resources: JSON.stringify(first.resources),
          notResources: JSON.stringify(first.notResources),
          regions: JSON.stringify(first.regions),
          conditions: JSON.stringify(first.conditions),
          isConditional: statement.grants.some((grant) => grant.isConditional),
          requiresGuardrail: statement.grants.every((grant) => grant.tier !== 'invoke' || grant.requiresGuardrail),
        })
        .run();
    }
  }

  for (const conflict of principal.conflicts) {
    // One entry per grant path with its actions: an AdministratorAccess holder has hundreds of grants per side.
    const describe = (side: typeof conflict.sideA) => {
      const byPath = new Map<string, { path: (typeof side)[number]['path']; tiers: Set<string>; actions: string[] }>();
      for (const grant of side) {
        const key = `${grant.path.policyKind}|${grant.path.policyArn ?? grant.path.policyName}|${grant.path.groupName ?? ''}|${grant.path.statementIndex}`;
        const entry = byPath.get(key) ?? { path: grant.path, tiers: new Set<string>(), actions: [] };
        entry.tiers.add(grant.tier);
        entry.actions.push(grant.action);
        byPath.set(key, entry);
      }
      return JSON.stringify([...byPath.values()].map((entry) => ({ path: entry.path, tiers: [...entry.tiers], actions: entry.actions })));
    };
    database
      .insert(sodConflicts)
      .values({
        scanId,
        principalId,
        principalArn: principal.facts.arn,
        accountId: principal.facts.accountId,
        ruleId: conflict.ruleId,
        severity: conflict.severity,
        title: conflict.title,
        sideA: describe(conflict.sideA),
        sideB: describe(conflict.sideB),
      })
      .run();
  }
}

/**
 * The last step of a scan: one transaction that records the outcome, refreshes the accounts
 * table and makes the snapshot visible. Before this commits, pages keep showing the previous one.
 */
export function publishScan(
  database: AppDatabase,
  input: { scanId: number; status: 'complete' | 'partial' | 'failed'; summary: StoredScanSummary; accounts: AccountFacts[]; source: 'live' | 'offline'; error: string | null },
  now = new Date(),
): void {
  const write = database.$client.transaction(() => {
    for (const account of input.accounts) {
      const values = {
        id: account.id,
        name: account.name,
        ouPath: JSON.stringify(account.ouPath),
        environment: account.environment,
        ownerEmail: account.ownerEmail,
        tags: JSON.stringify(account.tags),
        source: input.source,
        updatedAt: now.toISOString(),
      };
      database.insert(accounts).values(values).onConflictDoUpdate({ target: accounts.id, set: values }).run();
    }
    database
      .update(scans)
      .set({
        status: input.status,
        finishedAt: now.toISOString(),
        isPublished: input.status !== 'failed',
        summary: JSON.stringify(input.summary),
        error: input.error,
        progressMessage: input.status === 'failed' ? 'Failed' : 'Published',
      })
      .where(eq(scans.id, input.scanId))
      .run();
    appendAudit(database, { actor: 'scanner', action: `scan.${input.status}`, objectType: 'scan', objectId: input.scanId, after: { principals: input.summary.principalCount, bedrockPrincipals: input.summary.bedrockPrincipalCount, failedAccounts: input.summary.failedAccountCount } }, now);
  });
  write.immediate();
}

/** Removes the rows of a scan that will never be published (a failed or abandoned run). */
export function discardScanRows(database: AppDatabase, scanId: number): void {
  const write = database.$client.transaction(() => {
    database.delete(principals).where(eq(principals.scanId, scanId)).run();
    database.delete(policies).where(eq(policies.scanId, scanId)).run();
    database.delete(scanAccounts).where(and(eq(scanAccounts.scanId, scanId), eq(scanAccounts.status, 'ok'))).run();
  });
  write.immediate();
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A scan left `running` by a process that died (killed worker, crash) is marked failed and its
 * rows are discarded; it was never published, so no page ever saw it.
 */
export function recoverAbandonedScans(database: AppDatabase, now = new Date()): number[] {
  const running = database.select({ id: scans.id, workerPid: scans.workerPid }).from(scans).where(eq(scans.status, 'running')).all();
  const abandoned = running.filter((scan) => scan.workerPid === null || (scan.workerPid !== process.pid && !isProcessAlive(scan.workerPid)));
  for (const scan of abandoned) {
    discardScanRows(database, scan.id);
    database
      .update(scans)
      .set({ status: 'failed', finishedAt: now.toISOString(), error: 'The scanning process stopped before the snapshot was complete; nothing of it was published.' })
      .where(eq(scans.id, scan.id))
      .run();
    appendAudit(database, { actor: 'scanner', action: 'scan.abandoned', objectType: 'scan', objectId: scan.id }, now);
  }
  return abandoned.map((scan) => scan.id);
}

/** Deletes unreferenced policy documents after old scans were pruned. */
export function pruneOrphanDocuments(database: AppDatabase): void {
  database.run(sql`DELETE FROM policy_documents WHERE hash NOT IN (SELECT document_hash FROM policies)`);
}

