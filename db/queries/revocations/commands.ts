import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { actionLists, entitlements, revocations, type Revocation } from '../../schema';
import { appendAudit } from '../audit';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/http/errors';
import { applyCallsToSlice } from '../../../lib/revocations/apply-calls';
import { checkCallsAgainstState } from '../../../lib/revocations/iam-limits';
import { canTransition, isApprovalAllowed, type RevocationCommand } from '../../../lib/revocations/lifecycle';
import { PlanError, planRevocation } from '../../../lib/revocations/plan-revocation';
import { planRollback } from '../../../lib/revocations/plan-rollback';
import { stateFromSlice } from '../../../lib/revocations/principal-state';
import { renderRevocationScript } from '../../../lib/revocations/render-cli-script';
import { renderIdentityCenterScript } from '../../../lib/revocations/identity-center/render-identity-center-script';
import type { IdentityCenterBeforeState } from '../../../lib/revocations/identity-center/types';
import type { EvaluateAccess, RevocationPlan, RevocationResult } from '../../../lib/revocations/types';
import { identityCenterPlannerFor } from './identity-center-planner';
import { insertRevocationRequest } from './insert-revocation-request';
import { inWriteTransaction } from '../../write-transaction';
import { requireAdminJustification } from '../../../lib/revocations/plan-request';
import { loadPrincipalSlice } from './load-principal-slice';
import { parseStoredStringList } from '../../schema/stored-json';
import { readPrincipalBeforeState, readRevocationPlan, readRevocationResult } from '../../stored-json/revocation-columns';
import { computeAssignmentPlan, isAssignmentRevocationKey } from './assignment-plan';

export { OPEN_STATUSES } from '../../../lib/revocations/statuses';

function loadRevocation(database: AppDatabase, id: number): Revocation {
  const row = database.select().from(revocations).where(eq(revocations.id, id)).get();
  if (!row) throw new NotFoundError('No such revocation.');
  return row;
}

function requireTransition(row: Revocation, command: RevocationCommand): void {
  if (!canTransition(command, row.status)) throw new ConflictError(`A ${row.status} revocation cannot be ${command === 'execute' ? 'executed' : command === 'rollback' ? 'rolled back' : `${command}d`}.`);
}

/**
 * The compare-and-set of a transition: the update's WHERE names the status the command read, so
 * it changes no row when another request moved the revocation first. That request wrote the
 * audit entry; this one must not write one for a transition that did not happen.
 */
function requireChanged(changes: number): void {
  if (changes === 0) throw new ConflictError('The revocation changed meanwhile; reload.');
}

/** Plans from the latest published snapshot that holds the principal. */
export function computePlan(database: AppDatabase, input: { principalArn: string; entitlementKey: string; evaluate: EvaluateAccess }): RevocationPlan {
  // An Identity Center assignment (#14): planned at Identity Center, not on the role.
  if (isAssignmentRevocationKey(input.entitlementKey)) return computeAssignmentPlan(database, input);
  const loaded = loadPrincipalSlice(database, { principalArn: input.principalArn });
  if (!loaded) throw new ValidationError('The principal is not in any published snapshot.');
  const stored = database
    .select({ actions: actionLists.list })
    .from(entitlements)
    .innerJoin(actionLists, eq(actionLists.hash, entitlements.actionsHash))
    .where(and(eq(entitlements.scanId, loaded.scanId), eq(entitlements.entitlementKey, input.entitlementKey)))
    .get();
  try {
    const planIdentityCenter = identityCenterPlannerFor(database, { scanId: loaded.scanId, roleArn: loaded.slice.principal.arn, evaluate: input.evaluate });
    return planRevocation({ slice: loaded.slice, entitlementKey: input.entitlementKey, evaluate: input.evaluate, storedActions: stored ? (parseStoredStringList(stored.actions)) : [], planIdentityCenter });
  } catch (error) {
    if (error instanceof PlanError) throw new ValidationError(error.message);
    throw error;
  }
}

export interface AdminRequestInput {
  principalId?: number;
  principalArn?: string;
  entitlementKey: string;
  justification: string;
  actor: string;
  now: Date;
  evaluate: EvaluateAccess;
}

/** An admin's direct request on a principal's grant: planned at once, status 'requested'. */
export function requestRevocation(database: AppDatabase, input: AdminRequestInput): { id: number } {
  requireAdminJustification(input.justification);
  const loaded = loadPrincipalSlice(database, { principalId: input.principalId, principalArn: input.principalArn });
  if (!loaded) throw new NotFoundError('No such principal in a published snapshot.');
  const principalArn = loaded.slice.principal.arn;
  const plan = computePlan(database, { principalArn, entitlementKey: input.entitlementKey, evaluate: input.evaluate });
  return inWriteTransaction(database, () =>
    insertRevocationRequest(database, {
      origin: 'admin',
      campaignItemId: null,
      principalArn,
      accountId: loaded.slice.accountId,
      entitlementKey: input.entitlementKey,
      justification: input.justification,
      requestedBy: input.actor,
      now: input.now,
      plan,
    }),
  );
}

/**
 * Approves (admins): the plan is recomputed from the latest snapshot and frozen. With
 * `requireFourEyes` (the default), the requester cannot approve their own request. The approval
 * comment is required and kept in the audit entry.
 */
export function approveRevocation(database: AppDatabase, input: { id: number; actor: string; now: Date; requireFourEyes: boolean; comment: string; evaluate: EvaluateAccess }): void {
  const comment = input.comment.trim();
  if (!comment) throw new ValidationError('An approval comment is required.');
  const row = loadRevocation(database, input.id);
  requireTransition(row, 'approve');
  if (!isApprovalAllowed({ requireFourEyes: input.requireFourEyes, requestedBy: row.requestedBy, approver: input.actor })) throw new ValidationError('Four-eyes approval: someone other than the requester must approve.');
  const plan = computePlan(database, { principalArn: row.principalArn, entitlementKey: row.entitlementKey, evaluate: input.evaluate });
  if (plan.kind === 'refused') {
    // Kept on the row so the page and `revocation plan` show why; the status does not move.
    inWriteTransaction(database, () => {
      database.update(revocations).set({ plan: JSON.stringify(plan), error: plan.reason }).where(and(eq(revocations.id, input.id), eq(revocations.status, row.status))).run();
    });
    throw new ValidationError(plan.reason);
  }
  inWriteTransaction(database, () => {
    const changed = database
      .update(revocations)
      .set({ status: 'approved', approvedBy: input.actor, approvedAt: input.now.toISOString(), plan: JSON.stringify(plan) })
      .where(and(eq(revocations.id, input.id), eq(revocations.status, row.status)))
      .run().changes;
    if (changed === 0) throw new ConflictError('The revocation changed meanwhile; reload.');
    appendAudit(database, { actor: input.actor, action: 'revocation.approved', objectType: 'revocation', objectId: input.id, before: { status: row.status }, after: { status: 'approved', planKind: plan.kind, comment, fourEyes: input.requireFourEyes } }, input.now);
  });
}

export function rejectRevocation(database: AppDatabase, input: { id: number; actor: string; now: Date; reason: string }): void {
  const row = loadRevocation(database, input.id);
  requireTransition(row, 'reject');
  inWriteTransaction(database, () => {
    requireChanged(database.update(revocations).set({ status: 'rejected', error: input.reason.trim() || null }).where(and(eq(revocations.id, input.id), eq(revocations.status, row.status))).run().changes);
    appendAudit(database, { actor: input.actor, action: 'revocation.rejected', objectType: 'revocation', objectId: input.id, before: { status: row.status }, after: { status: 'rejected', reason: input.reason } }, input.now);
  });
}

function requirePlan(row: Revocation): RevocationPlan {
  if (!row.plan) throw new ConflictError('The revocation has no plan yet: approve it first.');
  return readRevocationPlan(row.plan, row.id);
}

/**
 * Live accounts: hands the revocation to the worker (status 'executing', attempts + 1). Offline
 * accounts: renders the AWS CLI script at once (status 'awaiting-confirmation': nothing has run
 * yet); the next import of the account verifies it (verify-offline.ts).
 */
export function requestExecution(database: AppDatabase, input: { id: number; actor: string; now: Date }): { status: 'executing' | 'awaiting-confirmation' } {
  const row = loadRevocation(database, input.id);
  requireTransition(row, 'execute');
  const plan = requirePlan(row);
  if (plan.kind === 'refused') throw new ConflictError(plan.refusal?.reason ?? plan.reason);
  if (plan.kind === 'identity-center' && !plan.identityCenter) throw new ConflictError('The plan has no Identity Center change: approve it again to recompute it.');
  const at = input.now.toISOString();
  if (row.mode === 'offline' && plan.identityCenter) {
    const script = renderIdentityCenterScript(plan.identityCenter, `Revocation #${row.id}: ${plan.principalName} (${plan.accountId}), generated ${at}`);
    const before: IdentityCenterBeforeState = { source: 'identity-center', recordedAt: at, rollbackCalls: plan.identityCenter.rollbackCalls };
    inWriteTransaction(database, () => {
      requireChanged(
        database
          .update(revocations)
          .set({ status: 'awaiting-confirmation', executedBy: input.actor, executedAt: at, verifiedAt: null, beforeState: JSON.stringify(before), script, error: null, attempts: sql`${revocations.attempts} + 1` })
          .where(and(eq(revocations.id, row.id), eq(revocations.status, row.status)))
          .run().changes,
      );
      appendAudit(database, { actor: input.actor, action: 'revocation.script-generated', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'awaiting-confirmation', mode: 'offline', identityCenter: plan.identityCenter?.kind, commands: plan.identityCenter?.calls.length } }, input.now);
    });
    return { status: 'awaiting-confirmation' };
  }
  if (row.mode === 'offline') {
    const loaded = loadPrincipalSlice(database, { principalArn: row.principalArn });
    if (!loaded) throw new ValidationError('The principal is not in any published snapshot.');
    const before = stateFromSlice(loaded.slice, at);
    const after = stateFromSlice(applyCallsToSlice(loaded.slice, plan.calls), at);
    const script = renderRevocationScript({ revocationId: row.id, plan, rollbackCalls: planRollback(before, after, plan.calls), generatedAt: at });
    inWriteTransaction(database, () => {
      const changed = database
        .update(revocations)
        .set({ status: 'awaiting-confirmation', executedBy: input.actor, executedAt: at, verifiedAt: null, beforeState: JSON.stringify(before), script, error: null, attempts: sql`${revocations.attempts} + 1` })
        .where(and(eq(revocations.id, row.id), eq(revocations.status, row.status)))
        .run().changes;
      requireChanged(changed);
      appendAudit(database, { actor: input.actor, action: 'revocation.script-generated', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'awaiting-confirmation', mode: 'offline', commands: plan.calls.length } }, input.now);
    });
    return { status: 'awaiting-confirmation' };
  }
  const result: RevocationResult = { ...readRevocationResult(row.result, row.id), pending: 'execute', claim: null };
  inWriteTransaction(database, () => {
    const changed = database
      .update(revocations)
      .set({ status: 'executing', executedBy: input.actor, result: JSON.stringify(result), error: null, attempts: sql`${revocations.attempts} + 1` })
      .where(and(eq(revocations.id, row.id), eq(revocations.status, row.status)))
      .run().changes;
    if (changed === 0) throw new ConflictError('The revocation changed meanwhile; reload.');
    appendAudit(database, { actor: input.actor, action: 'revocation.execution-requested', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'executing', attempt: row.attempts + 1 } }, input.now);
  });
  return { status: 'executing' };
}

/**
 * Live accounts: hands the rollback to the worker (status 'executing' with `result.pending =
 * 'rollback'`). Offline accounts: the script becomes the rollback script, status 'rolled-back'.
 */
export function requestRollback(database: AppDatabase, input: { id: number; actor: string; now: Date }): { status: 'executing' | 'rolled-back' } {
  const row = loadRevocation(database, input.id);
  requireTransition(row, 'rollback');
  const plan = requirePlan(row);
  if (!row.beforeState) throw new ConflictError('No before-state was recorded: nothing ran, so there is nothing to roll back.');
  if (row.mode === 'offline' && plan.identityCenter) {
    const ic = plan.identityCenter;
    const script = renderIdentityCenterScript({ ...ic, calls: ic.rollbackCalls, rollbackCalls: ic.calls, reason: `Rollback of revocation #${row.id}: restores ${ic.permissionSetName} as it was.` }, `Rollback of revocation #${row.id}: ${plan.principalName} (${plan.accountId}), generated ${input.now.toISOString()}`);
    inWriteTransaction(database, () => {
      requireChanged(database.update(revocations).set({ status: 'rolled-back', script }).where(and(eq(revocations.id, row.id), eq(revocations.status, row.status))).run().changes);
      appendAudit(database, { actor: input.actor, action: 'revocation.rollback-script-generated', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'rolled-back', identityCenter: ic.kind, commands: ic.rollbackCalls.length } }, input.now);
    });
    return { status: 'rolled-back' };
  }
  if (row.mode === 'offline') {
    const before = readPrincipalBeforeState(row.beforeState, row.id);
    const loaded = loadPrincipalSlice(database, { principalArn: row.principalArn });
    const current = loaded ? stateFromSlice(loaded.slice, input.now.toISOString()) : before;
    const rollbackCalls = planRollback(before, current, plan.calls);
    const violations = checkCallsAgainstState(current, rollbackCalls);
    if (violations.length > 0) throw new ValidationError(`The rollback script would be refused by IAM: ${violations.map((violation) => violation.message).join(' ')}`);
    const script = renderRevocationScript({ revocationId: row.id, plan: { ...plan, calls: rollbackCalls, kind: plan.kind, reason: `Rollback of revocation #${row.id}: restores the recorded before-state.` }, rollbackCalls: plan.calls, generatedAt: input.now.toISOString() });
    inWriteTransaction(database, () => {
      requireChanged(database.update(revocations).set({ status: 'rolled-back', script }).where(and(eq(revocations.id, row.id), eq(revocations.status, row.status))).run().changes);
      appendAudit(database, { actor: input.actor, action: 'revocation.rollback-script-generated', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'rolled-back', commands: rollbackCalls.length } }, input.now);
    });
    return { status: 'rolled-back' };
  }
  const result: RevocationResult = { ...readRevocationResult(row.result, row.id), pending: 'rollback', claim: null };
  inWriteTransaction(database, () => {
    requireChanged(database.update(revocations).set({ status: 'executing', result: JSON.stringify(result) }).where(and(eq(revocations.id, row.id), eq(revocations.status, row.status))).run().changes);
    appendAudit(database, { actor: input.actor, action: 'revocation.rollback-requested', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'executing', pending: 'rollback' } }, input.now);
  });
  return { status: 'executing' };
}
