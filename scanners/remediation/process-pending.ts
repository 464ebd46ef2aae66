import type { IAMClient } from '@aws-sdk/client-iam';
import type { AppDatabase } from '../../db/client';
import { readPrincipalBeforeState, readRevocationPlan, readRevocationResult } from '../../db/stored-json/revocation-columns';
import { loadPrincipalSlice } from '../../db/queries/revocations/load-principal-slice';
import { claimNextRevocation, finishRevocationRun, saveBeforeState } from '../../db/queries/revocations/worker';
import type { Revocation } from '../../db/schema';
import type { AppConfig } from '../../lib/config/schema';
import { enqueueScanAfterChange } from '../pipeline/scan-queue';
import type { CallOutcome, EvaluateAccess } from '../../lib/revocations/types';
import { runIamCalls } from './execute-revocation';
import { createRevocationIamClient } from './iam-client';
import { readPrincipalState } from './read-principal-state';
import { rollbackRevocation } from './rollback-revocation';
import { verifyRevocation } from './verify-revocation';
import type { IdentityCenterClients } from './execute-identity-center-plan';
import { identityCenterRemediationFromConfig } from './identity-center-clients';
import { executeIdentityCenterRevocation, rollbackIdentityCenterRevocation } from './process-identity-center';

export interface ProcessOptions {
  /** Tests: an IAM client per account (e.g. assumed through the local endpoint). */
  createIamClient?: (accountId: string) => Promise<IAMClient>;
  /** Tests: the evaluator; default the engine with the action catalogue. */
  evaluate?: EvaluateAccess;
  now?: () => Date;
  pid?: number;
  /** Tests: sso-admin / identitystore clients (default: the remediation role in the Identity Center administrator account). */
  createIdentityCenterClients?: () => Promise<IdentityCenterClients>;
  /** Tests: how long to wait between polls of an asynchronous Identity Center request. */
  identityCenterPollIntervalMs?: number;
  /** Stop after this many revocations (default: until none is pending). */
  limit?: number;
}

export interface ProcessedRevocation {
  id: number;
  operation: 'execute' | 'rollback';
  status: string;
  error: string | null;
  /** Whether this run changed IAM (a call succeeded): the published snapshot no longer matches AWS. */
  changedIam?: boolean;
  /** The live scan queued (or reused) so the dashboards catch up with the change; null when none. */
  followUpScanId?: number | null;
}

const changed = (outcomes: CallOutcome[]) => outcomes.some((outcome) => outcome.status === 'succeeded');

function describeOutcomes(outcomes: CallOutcome[]): string {
  // A call refused before it was made (an IAM quota, rollback-revocation.ts) is 'not-run' with its reason.
  const failed = outcomes.find((outcome) => outcome.status === 'failed') ?? outcomes.find((outcome) => outcome.error !== undefined);
  const done = outcomes.filter((outcome) => outcome.status === 'succeeded' || outcome.status === 'already-done').map((outcome) => outcome.call.action);
  return `${failed?.call.action ?? 'A call'} failed (${failed?.error ?? 'unknown error'}). Done before it: ${done.length > 0 ? done.join(', ') : 'nothing'}. Retry, or roll back.`;
}

async function execute(database: AppDatabase, row: Revocation, iam: IAMClient, evaluate: EvaluateAccess, now: () => Date): Promise<ProcessedRevocation> {
  const plan = row.plan ? readRevocationPlan(row.plan, row.id) : null;
  const result = readRevocationResult(row.result, row.id);
  if (!plan) {
    finishRevocationRun(database, { id: row.id, status: 'failed', result, error: 'No plan.', now: now(), auditAction: 'revocation.failed', auditDetail: {} });
    return { id: row.id, operation: 'execute', status: 'failed', error: 'No plan.' };
  }
  const target = { principalType: plan.principalType, principalName: plan.principalName, principalArn: plan.principalArn, accountId: plan.accountId };
  // The first attempt's live read is the before-state; a retry after a partial run keeps it.
  if (!row.beforeState) saveBeforeState(database, row.id, await readPrincipalState(iam, target, now));
  const { outcomes, isComplete } = await runIamCalls(iam, plan.calls, now);
  const executed = { ...result, calls: outcomes };
  if (!isComplete) {
    const error = describeOutcomes(outcomes);
    finishRevocationRun(database, { id: row.id, status: 'failed', result: executed, error, now: now(), auditAction: 'revocation.failed', auditDetail: { outcomes: outcomes.map((outcome) => `${outcome.call.action}: ${outcome.status}`) } });
    return { id: row.id, operation: 'execute', status: 'failed', error, changedIam: changed(outcomes) };
  }
  finishRevocationRun(database, { id: row.id, status: 'executed', result: executed, error: null, now: now(), setExecutedAt: true, auditAction: 'revocation.executed', auditDetail: { outcomes: outcomes.map((outcome) => `${outcome.call.action}: ${outcome.status}`) } });
  const loaded = loadPrincipalSlice(database, { principalArn: plan.principalArn });
  if (!loaded) {
    const error = 'Executed, but the principal is in no published snapshot to verify against.';
    finishRevocationRun(database, { id: row.id, status: 'failed', result: executed, error, now: now(), auditAction: 'revocation.verification-failed', auditDetail: {} });
    return { id: row.id, operation: 'execute', status: 'failed', error, changedIam: changed(outcomes) };
  }
  const verification = await verifyRevocation(iam, { plan, snapshotSlice: loaded.slice, evaluate, now });
  const status = verification.isVerified ? 'verified' : 'failed';
  const error = verification.isVerified ? null : `Verification failed: ${verification.reason}`;
  finishRevocationRun(database, { id: row.id, status, result: { ...executed, verification }, error, now: now(), setVerifiedAt: verification.isVerified, auditAction: verification.isVerified ? 'revocation.verified' : 'revocation.verification-failed', auditDetail: { reason: verification.reason } });
  return { id: row.id, operation: 'execute', status, error, changedIam: changed(outcomes) };
}

async function rollback(database: AppDatabase, row: Revocation, iam: IAMClient, now: () => Date): Promise<ProcessedRevocation> {
  // A rollback is requested only on a revocation that ran, which recorded both.
  if (!row.plan || !row.beforeState) throw new Error('No plan or before-state was recorded: nothing to roll back.');
  const plan = readRevocationPlan(row.plan, row.id);
  const beforeState = readPrincipalBeforeState(row.beforeState, row.id);
  const result = readRevocationResult(row.result, row.id);
  const { outcomes, isComplete } = await rollbackRevocation(iam, { plan, beforeState, now });
  const error = isComplete ? null : `Rollback incomplete: ${describeOutcomes(outcomes)}`;
  const status = isComplete ? 'rolled-back' : 'failed';
  finishRevocationRun(database, { id: row.id, status, result: { ...result, rollbackCalls: outcomes }, error, now: now(), auditAction: isComplete ? 'revocation.rolled-back' : 'revocation.rollback-failed', auditDetail: { outcomes: outcomes.map((outcome) => `${outcome.call.action}: ${outcome.status}`) } });
  return { id: row.id, operation: 'rollback', status, error, changedIam: changed(outcomes) };
}

/**
 * Principal pages, grants and scores belong to a snapshot, so after the worker changes IAM they
 * describe the past until the next scan. A verified revocation or a finished rollback queues a live
 * scan at once (the worker runs it next); so does a run that failed after changing something, since
 * the snapshot is stale then too.
 */
function queueFollowUpScan(database: AppDatabase, config: AppConfig, outcome: ProcessedRevocation, now: Date): number | null {
  const isSettled = outcome.status === 'verified' || outcome.status === 'rolled-back';
  if (!isSettled && !outcome.changedIam) return null;
  const verb = outcome.status === 'verified' ? 'verified' : outcome.status === 'rolled-back' ? 'rolled back' : outcome.operation === 'rollback' ? 'partly rolled back' : 'partly executed';
  try {
    return enqueueScanAfterChange(database, config, { requestedBy: `revocation #${outcome.id}`, reason: `Revocation #${outcome.id} ${verb}: the published snapshot no longer matches IAM.` }, now)?.scanId ?? null;
  } catch (error) {
    // The revocation itself is done and recorded; a scan that could not be queued is caught up by the schedule.
    console.error(`Could not queue a scan after revocation #${outcome.id}: ${(error as Error).message}`);
    return null;
  }
}

/**
 * The worker hook: runs every revocation the API handed over ('executing' with pending work):
 * executes through the remediation role and verifies, or rolls back. Errors of one revocation
 * (AssumeRole refused, IAM down) mark it failed with the reason; the others still run.
 */
export async function processPendingRevocations(database: AppDatabase, config: AppConfig, options: ProcessOptions = {}): Promise<ProcessedRevocation[]> {
  const now = options.now ?? (() => new Date());
  const pid = options.pid ?? process.pid;
  const createClient =
    options.createIamClient ??
    ((accountId: string) => createRevocationIamClient({ accountId, remediationRoleName: config.revocations.remediationRoleName, externalId: config.scan.live?.externalId }));
  let evaluate = options.evaluate;
  const processed: ProcessedRevocation[] = [];
  while (options.limit === undefined || processed.length < options.limit) {
    const row = claimNextRevocation(database, { pid, now: now() });
    if (!row) break;
    const operation = readRevocationResult(row.result, row.id).pending ?? 'execute';
    let iam: IAMClient | null = null;
    let identityCenter: IdentityCenterClients | null = null;
    try {
      const plan = row.plan ? readRevocationPlan(row.plan, row.id) : null;
      if (plan?.kind === 'identity-center') {
        // The same worker path, at Identity Center: the remediation identity's sso-admin / identitystore clients.
        identityCenter = await (options.createIdentityCenterClients ?? (() => identityCenterRemediationFromConfig(config)))();
        const icOptions = { now, pollIntervalMs: options.identityCenterPollIntervalMs };
        const outcome = operation === 'rollback' ? await rollbackIdentityCenterRevocation(database, row, plan, identityCenter, icOptions) : await executeIdentityCenterRevocation(database, row, plan, identityCenter, icOptions);
        processed.push({ ...outcome, followUpScanId: queueFollowUpScan(database, config, outcome, now()) });
        continue;
      }
      if (!evaluate) evaluate = await (await import('../../lib/revocations/engine')).createEngineEvaluate();
      iam = await createClient(row.accountId);
      const outcome = operation === 'rollback' ? await rollback(database, row, iam, now) : await execute(database, row, iam, evaluate, now);
      processed.push({ ...outcome, followUpScanId: queueFollowUpScan(database, config, outcome, now()) });
    } catch (error) {
      const message = `${operation === 'rollback' ? 'Rollback' : 'Execution'} stopped: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      finishRevocationRun(database, { id: row.id, status: 'failed', result: readRevocationResult(database.$client.prepare('select result from revocations where id = ?').pluck().get(row.id) as string | null, row.id), error: message, now: now(), auditAction: 'revocation.failed', auditDetail: { operation } });
      processed.push({ id: row.id, operation, status: 'failed', error: message });
    } finally {
      iam?.destroy();
      identityCenter?.ssoAdmin.destroy();
      identityCenter?.identityStore.destroy();
    }
  }
  return processed;
}
