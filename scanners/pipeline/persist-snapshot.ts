import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { appendAudit } from '../../db/queries/audit';
import { hashText } from '../../db/content-hash';
import type { Statement } from 'better-sqlite3';
import { directSink, preparedStatements, recordingSink, type RowBatch, type RowSink } from './row-batch';
import { discardUsageRows } from '../usage/persist-usage';
import { accounts, policies, principals, scanAccounts, scans } from '../../db/schema';
import type { StoredPrincipalFacts, StoredScanSummary } from '../../db/schema/stored-json';
import { entitlementKey } from '../../lib/analysis/entitlements';
import { actionListText, createEntitlementRowMemo, entitlementRowValues, type ActionListText, type EntitlementRowMemo, type EntitlementRowValues } from './entitlement-rows';
import type { AnalyzedPrincipal } from '../../lib/analysis/snapshot-analysis-types';
import { tiersToMask } from '../../lib/analysis/tier-mask';
import { encodePrincipalAnalysis, storedAnalysisOf } from './encode-principal-analysis';
import type { SharedJsonMemo } from './shared-json';
import type { AccountFacts, Grant, GrantPath, ManagedPolicyFacts, Severity } from '../../lib/analysis/types';
import { inWriteTransaction } from '../../db/write-transaction';

const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export interface AccountOutcome {
  accountId: string;
  status: 'ok' | 'failed';
  error: string | null;
  durationMs: number;
  principals: AnalyzedPrincipal[];
  managedPolicies: ManagedPolicyFacts[];
}

function documentText(document: ManagedPolicyFacts['document']): string {
  return typeof document === 'string' ? document : JSON.stringify(document);
}

/**
 * The row inserts of a snapshot by name, prepared once per connection (preparedStatements): a
 * scan writes hundreds of thousands of rows, and building each through the query builder cost
 * more than SQLite's own work. Named, so a batch recorded on one thread can be written on another.
 */
export const SNAPSHOT_ROW_SQL = {
  document: 'INSERT OR IGNORE INTO policy_documents (hash, document) VALUES (?, ?)',
  actionList: 'INSERT OR IGNORE INTO action_lists (hash, list) VALUES (?, ?)',
  policy: 'INSERT INTO policies (scan_id, account_id, arn, name, is_aws_managed, default_version_id, document_hash) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  principal: `INSERT INTO principals (scan_id, account_id, arn, type, name, path, owner_email, permission_set_name, has_bedrock, tiers_mask, action_count, score,
     conflict_count, max_conflict_severity, last_used_at, is_exposed_outside_org, has_unpinned_oidc, has_public_trust, facts, analysis, actions_hash)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  entitlement: `INSERT INTO entitlements (scan_id, principal_id, entitlement_key, policy_kind, policy_arn, policy_name, is_aws_managed, attached_via, group_name, tiers_mask, actions_hash, action_count, is_conditional)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  grant: `INSERT INTO grants (scan_id, entitlement_id, principal_id, statement_id, statement_index, actions_hash, tiers_mask, resources, not_resources, regions, conditions, is_conditional, requires_guardrail)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  conflict: 'INSERT INTO sod_conflicts (scan_id, principal_id, principal_arn, account_id, rule_id, severity, title, side_a, side_b) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  scanAccount: `INSERT INTO scan_accounts (scan_id, account_id, status, error, principal_count, bedrock_principal_count, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (scan_id, account_id) DO UPDATE SET status = excluded.status, error = excluded.error`,
} as const satisfies Record<string, string>;

const statementsByConnection = new WeakMap<AppDatabase['$client'], (name: string) => Statement>();

/** The snapshot statements of a connection, prepared on first use. */
export function snapshotStatementsOf(client: AppDatabase['$client']): (name: string) => Statement {
  let statementOf = statementsByConnection.get(client);
  if (!statementOf) {
    statementOf = preparedStatements(client, SNAPSHOT_ROW_SQL);
    statementsByConnection.set(client, statementOf);
  }
  return statementOf;
}

/**
 * Writes one account of a snapshot in ONE synchronous transaction (better-sqlite3 transactions
 * must not contain `await`). The rows stay invisible to pages until the scan is published.
 */
export function persistAccountOutcome(database: AppDatabase, scanId: number, outcome: AccountOutcome): void {
  const sink = directSink(snapshotStatementsOf(database.$client));
  inWriteTransaction(database, () => writeAccountRows(sink, scanId, outcome));
}

/** The same rows as `persistAccountOutcome`, recorded for a writer on another thread (snapshot-writer.ts). */
export function recordAccountOutcome(scanId: number, outcome: AccountOutcome): RowBatch {
  const batch: RowBatch = { operations: [] };
  writeAccountRows(recordingSink(batch), scanId, outcome);
  return batch;
}

function writeAccountRows(sink: RowSink, scanId: number, outcome: AccountOutcome): void {
  for (const policy of outcome.managedPolicies) {
    const text = documentText(policy.document);
    const hash = hashText(text);
    sink.run('document', [hash, text]);
    sink.run('policy', [scanId, outcome.accountId, policy.arn, policy.name, flag(policy.isAwsManaged), policy.defaultVersionId, hash]);
  }
  // Rows shared per grants array are remembered for this account only: principals sharing an
  // access sit in one account (another account's is rebased to new arrays), and nothing is
  // kept alive for the rest of the snapshot.
  const sharedJson: SharedJsonMemo = new Map();
  const rowCache: RowCache = { entitlementRows: new Map(), entitlementRowMemo: createEntitlementRowMemo(sharedJson), principalActionLists: new Map(), sharedJson, conflictSides: new Map(), storedActionLists: new Set() };
  for (const principal of outcome.principals) persistPrincipal(sink, scanId, principal, rowCache);
  sink.run('scanAccount', [
    scanId,
    outcome.accountId,
    outcome.status,
    outcome.error,
    outcome.principals.length,
    outcome.principals.filter((principal) => principal.grants.length > 0).length,
    Math.round(outcome.durationMs),
  ]);
}

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * A principal's effective actions as stored. Principals with the same access share the array
 * (lib/analysis analyzeSnapshot), so it is serialised and hashed once per account.
 */
function principalActionList(actions: readonly string[], cache: RowCache): ActionListText {
  let list = cache.principalActionLists.get(actions);
  if (list === undefined) {
    list = actionListText(JSON.stringify(actions));
    cache.principalActionLists.set(actions, list);
  }
  return list;
}

/**
 * The key of an action list, written to `action_lists` the first time this account's rows meet
 * it (INSERT OR IGNORE: an earlier snapshot may hold it already). What was written is remembered
 * per account only, the rows of one transaction: discarding a scan between two may delete a list
 * a longer-lived cache would still name.
 */
function storedActionListHash(sink: RowSink, list: ActionListText, cache: RowCache): string {
  if (!cache.storedActionLists.has(list.hash)) {
    sink.run('actionList', [list.hash, list.text]);
    cache.storedActionLists.add(list.hash);
  }
  return list.hash;
}

/** What one account's rows remember (see writeAccountRows). */
interface RowCache {
  /** Entitlement and grant row values per grants array: principals with the same computed access hold the same array. */
  entitlementRows: Map<readonly Grant[], EntitlementRowValues[]>;
  entitlementRowMemo: EntitlementRowMemo;
  principalActionLists: Map<readonly string[], ActionListText>;
  /** The JSON of values principals share: analysis parts (encodePrincipalAnalysis) and grant lists (entitlement rows). */
  sharedJson: SharedJsonMemo;
  conflictSides: Map<readonly Grant[], string>;
  /** Hashes of the action lists this account's rows have written to `action_lists`. */
  storedActionLists: Set<string>;
}

function entitlementRowsOf(grants: readonly Grant[], cache: RowCache): EntitlementRowValues[] {
  let rows = cache.entitlementRows.get(grants);
  if (rows === undefined) {
    rows = entitlementRowValues(grants, cache.entitlementRowMemo);
    cache.entitlementRows.set(grants, rows);
  }
  return rows;
}

function persistPrincipal(sink: RowSink, scanId: number, principal: AnalyzedPrincipal, cache: RowCache): void {
  const facts: StoredPrincipalFacts = { principal: principal.facts, groups: principal.groups };
  const analysis = storedAnalysisOf(principal);
  const maxSeverity = principal.conflicts.reduce<Severity | null>(
    (worst, conflict) => (worst === null || SEVERITY_RANK[conflict.severity] > SEVERITY_RANK[worst] ? conflict.severity : worst),
    null,
  );
  const principalId = sink.insert('principal', [
      scanId,
      principal.facts.accountId,
      principal.facts.arn,
      principal.facts.type,
      principal.facts.name,
      principal.facts.path,
      principal.ownerEmail,
      principal.facts.type === 'role' ? principal.facts.permissionSetName : null,
      flag(principal.grants.length > 0),
      tiersToMask(principal.tiers),
      principal.actions.length,
      principal.blastRadius.score,
      principal.conflicts.length,
      maxSeverity,
      principal.lastUsedAt,
      flag(principal.exposure.isReachableFromOutsideOrganization),
      flag(principal.exposure.hasUnpinnedOidcTrust),
      flag(principal.exposure.hasPublicTrust),
      JSON.stringify(facts),
      encodePrincipalAnalysis(analysis, cache.sharedJson),
      storedActionListHash(sink, principalActionList(principal.actions, cache), cache),
  ]);

  for (const entitlement of entitlementRowsOf(principal.grants, cache)) {
    const entitlementId = sink.insert('entitlement', [
        scanId,
        principalId,
        entitlementKey(principal.facts.arn, entitlement.path),
        entitlement.path.policyKind,
        entitlement.path.policyArn,
        entitlement.path.policyName,
        flag(entitlement.path.isAwsManaged),
        entitlement.path.attachedVia,
        entitlement.path.groupName,
        entitlement.tiersMask,
        storedActionListHash(sink, entitlement.actions, cache),
        entitlement.actionCount,
        flag(entitlement.isConditional),
    ]);
    for (const row of entitlement.grantRows) {
      sink.run('grant', [scanId, entitlementId, principalId, row.statementId, row.statementIndex, storedActionListHash(sink, row.actions, cache), row.tiersMask, row.resourcesJson, row.notResourcesJson, row.regionsJson, row.conditionsJson, row.isConditional, row.requiresGuardrail]);
    }
  }

  for (const conflict of principal.conflicts) {
    sink.run('conflict', [scanId, principalId, principal.facts.arn, principal.facts.accountId, conflict.ruleId, conflict.severity, conflict.title, conflictSideJson(conflict.sideA, cache), conflictSideJson(conflict.sideB, cache)]);
  }
}

/**
 * One conflict side as stored: one entry per grant path with its actions (an AdministratorAccess
 * holder has hundreds of grants per side). Principals with the same access share their conflicts'
 * side arrays (lib/analysis analyzeSnapshot), so the text is built once per array.
 */
function conflictSideJson(side: readonly Grant[], cache: RowCache): string {
  let text = cache.conflictSides.get(side);
  if (text === undefined) {
    const byPath = new Map<string, ConflictSideEntry>();
    // The grants of one statement share one path object and arrive together: look the entry up
    // once per run, not once per grant.
    let previousPath: GrantPath | null = null;
    let entry: ConflictSideEntry | undefined;
    for (const grant of side) {
      if (grant.path !== previousPath || entry === undefined) {
        const key = conflictPathKey(grant.path);
        entry = byPath.get(key);
        if (entry === undefined) {
          entry = { path: grant.path, tiers: new Set<string>(), actions: [] };
          byPath.set(key, entry);
        }
        previousPath = grant.path;
      }
      entry.tiers.add(grant.tier);
      entry.actions.push(grant.action);
    }
    text = JSON.stringify([...byPath.values()].map((value) => ({ path: value.path, tiers: [...value.tiers], actions: value.actions })));
    cache.conflictSides.set(side, text);
  }
  return text;
}

interface ConflictSideEntry {
  path: GrantPath;
  tiers: Set<string>;
  actions: string[];
}

/** Grant paths that name the same statement of the same policy share one conflict-side entry. */
function conflictPathKey(path: GrantPath): string {
  return `${path.policyKind}|${path.policyArn ?? path.policyName}|${path.groupName ?? ''}|${path.statementIndex}`;
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
  inWriteTransaction(database, () => {
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
}

/**
 * Removes the rows of a scan that will never be published (a failed or abandoned run), and the
 * policy documents and action lists only it referenced.
 */
export function discardScanRows(database: AppDatabase, scanId: number): void {
  inWriteTransaction(database, () => {
    database.delete(principals).where(eq(principals.scanId, scanId)).run();
    database.delete(policies).where(eq(policies.scanId, scanId)).run();
    database.delete(scanAccounts).where(and(eq(scanAccounts.scanId, scanId), eq(scanAccounts.status, 'ok'))).run();
    pruneOrphanDocuments(database);
  });
  discardUsageRows(database, scanId);
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

/**
 * Deletes the policy documents and action lists no row references, after scans were discarded.
 * One pass over the referencing tables of every scan (their hash columns have no index: writing
 * one per row would cost every scan, and discarding is rare; 0.2 s for a 10,000-principal snapshot).
 */
export function pruneOrphanDocuments(database: AppDatabase): void {
  database.run(sql`DELETE FROM policy_documents WHERE hash NOT IN (SELECT document_hash FROM policies)`);
  database.run(
    sql`DELETE FROM action_lists WHERE hash NOT IN (SELECT actions_hash FROM principals UNION ALL SELECT actions_hash FROM entitlements UNION ALL SELECT actions_hash FROM grants)`,
  );
}

