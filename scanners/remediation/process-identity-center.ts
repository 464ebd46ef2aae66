import type { AppDatabase } from '../../db/client';
import { readIdentityCenterBeforeState, readRevocationResult } from '../../db/stored-json/revocation-columns';
import { finishRevocationRun, saveBeforeState } from '../../db/queries/revocations/worker';
import type { Revocation } from '../../db/schema';
import type { IdentityCenterBeforeState, IdentityCenterCallOutcomeRecord } from '../../lib/revocations/identity-center/types';
import { identityCenterVerificationOutcome, verifyIdentityCenterPlan, type IdentityCenterVerification } from '../../lib/revocations/identity-center/verify-identity-center-plan';
import type { RevocationPlan } from '../../lib/revocations/types';
import { fetchIdentityCenter } from '../live/fetch-identity-center';
import { mapIdentityCenter } from '../map/map-identity-center';
import { executeIdentityCenterCalls, type IdentityCenterClients } from './execute-identity-center-plan';

export interface IdentityCenterRunOutcome {
  id: number;
  operation: 'execute' | 'rollback';
  status: string;
  error: string | null;
  changedIam: boolean;
}

const changed = (outcomes: IdentityCenterCallOutcomeRecord[]) => outcomes.some((outcome) => outcome.status === 'succeeded');
const summary = (outcomes: IdentityCenterCallOutcomeRecord[]) => outcomes.map((outcome) => `${outcome.call.service} ${outcome.call.action}: ${outcome.status}`);

function describeFailure(outcomes: IdentityCenterCallOutcomeRecord[]): string | null {
  const failed = outcomes.find((outcome) => outcome.status === 'failed');
  if (!failed) return null;
  const done = outcomes.filter((outcome) => outcome.status === 'succeeded' || outcome.status === 'already-done').map((outcome) => outcome.call.action);
  return `${failed.call.action} failed (${failed.error ?? 'unknown error'}). Done before it: ${done.length > 0 ? done.join(', ') : 'nothing'}. Retry, or roll back.`;
}

/**
 * Executes an `identity-center` plan through the remediation identity's sso-admin / identitystore
 * clients, then verifies by re-reading Identity Center. The first run records the rollback calls
 * as the before-state; a retry keeps them, and finds done calls `already-done`.
 */
export async function executeIdentityCenterRevocation(database: AppDatabase, row: Revocation, plan: RevocationPlan, clients: IdentityCenterClients, options: { now: () => Date; pollIntervalMs?: number }): Promise<IdentityCenterRunOutcome> {
  const { now } = options;
  const ic = plan.identityCenter;
  const result = readRevocationResult(row.result, row.id);
  if (!ic) {
    finishRevocationRun(database, { id: row.id, status: 'failed', result, error: 'The plan has no Identity Center change.', now: now(), auditAction: 'revocation.failed', auditDetail: {} });
    return { id: row.id, operation: 'execute', status: 'failed', error: 'The plan has no Identity Center change.', changedIam: false };
  }
  if (!row.beforeState) saveBeforeState(database, row.id, { source: 'identity-center', recordedAt: now().toISOString(), rollbackCalls: ic.rollbackCalls } satisfies IdentityCenterBeforeState);
  const outcomes = await executeIdentityCenterCalls(clients, ic.calls, { pollIntervalMs: options.pollIntervalMs });
  const executed = { ...result, identityCenterCalls: outcomes };
  const failure = describeFailure(outcomes);
  if (failure) {
    finishRevocationRun(database, { id: row.id, status: 'failed', result: executed, error: failure, now: now(), auditAction: 'revocation.failed', auditDetail: { outcomes: summary(outcomes) } });
    return { id: row.id, operation: 'execute', status: 'failed', error: failure, changedIam: changed(outcomes) };
  }
  finishRevocationRun(database, { id: row.id, status: 'executed', result: executed, error: null, now: now(), setExecutedAt: true, auditAction: 'revocation.executed', auditDetail: { outcomes: summary(outcomes) } });
  const { directory, problems } = mapIdentityCenter(await fetchIdentityCenter(clients.ssoAdmin, clients.identityStore, { instanceArn: ic.instanceArn }));
  const checkedAt = now().toISOString();
  const check: IdentityCenterVerification = directory
    ? verifyIdentityCenterPlan(ic, plan.entitlementActions, directory)
    : { isVerified: false, reason: `Identity Center could not be re-read: ${problems.join('; ')}`, stillShows: null, steps: [] };
  const verification = identityCenterVerificationOutcome(check, { entitlementActions: plan.entitlementActions, checkedAt, reread: `Identity Center ${ic.instanceArn}, re-read live after the calls` });
  const status = check.isVerified ? 'verified' : 'failed';
  const error = check.isVerified ? null : `Verification failed: ${check.reason}`;
  finishRevocationRun(database, { id: row.id, status, result: { ...executed, verification }, error, now: now(), setVerifiedAt: check.isVerified, auditAction: check.isVerified ? 'revocation.verified' : 'revocation.verification-failed', auditDetail: { reason: check.reason } });
  return { id: row.id, operation: 'execute', status, error, changedIam: changed(outcomes) };
}

/** Runs the recorded rollback calls (re-creating the membership or assignment, restoring the set, provisioning it again). */
export async function rollbackIdentityCenterRevocation(database: AppDatabase, row: Revocation, plan: RevocationPlan, clients: IdentityCenterClients, options: { now: () => Date; pollIntervalMs?: number }): Promise<IdentityCenterRunOutcome> {
  const before = row.beforeState ? readIdentityCenterBeforeState(row.beforeState, row.id) : null;
  const calls = before?.rollbackCalls ?? plan.identityCenter?.rollbackCalls ?? [];
  const outcomes = await executeIdentityCenterCalls(clients, calls, { pollIntervalMs: options.pollIntervalMs });
  const failure = describeFailure(outcomes);
  const status = failure ? 'failed' : 'rolled-back';
  const error = failure ? `Rollback incomplete: ${failure}` : null;
  finishRevocationRun(database, { id: row.id, status, result: { ...readRevocationResult(row.result, row.id), identityCenterRollbackCalls: outcomes }, error, now: options.now(), auditAction: failure ? 'revocation.rollback-failed' : 'revocation.rolled-back', auditDetail: { outcomes: summary(outcomes) } });
  return { id: row.id, operation: 'rollback', status, error, changedIam: changed(outcomes) };
}
