import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { sodExceptionRequests, sodExceptions } from '../schema';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/http/errors';
import { refuseExceptionApproval } from '../../lib/conflicts/exception-approval';
import { appendAudit } from './audit';
import { inWriteTransaction } from '../write-transaction';

/**
 * A second admin approves a pending exception request: the exception is created with the
 * requested reason and expiry, the request is marked approved, and both steps are audited in
 * one transaction. The requester cannot approve their own request (the rule in
 * `lib/conflicts/exception-approval.ts`).
 */
export function approveSodExceptionRequest(database: AppDatabase, input: { requestId: number; approver: string; now: Date }): { exceptionId: number; expiresAt: string } {
  return inWriteTransaction(database, () => {
    const request = database.select().from(sodExceptionRequests).where(eq(sodExceptionRequests.id, input.requestId)).get();
    if (!request) throw new NotFoundError(`Exception request ${input.requestId} does not exist.`);
    const refusal = refuseExceptionApproval({ status: request.status, requestedBy: request.requestedBy, approver: input.approver, expiresAt: request.expiresAt, now: input.now });
    if (refusal) throw request.status === 'pending' ? new ValidationError(refusal) : new ConflictError(refusal);
    const active = database
      .select({ id: sodExceptions.id })
      .from(sodExceptions)
      .where(and(eq(sodExceptions.ruleId, request.ruleId), eq(sodExceptions.principalArn, request.principalArn), sql`${sodExceptions.withdrawnAt} IS NULL`, sql`${sodExceptions.expiresAt} > ${input.now.toISOString()}`))
      .get();
    if (active) throw new ConflictError('This conflict already has an active exception.');
    const created = database
      .insert(sodExceptions)
      .values({ ruleId: request.ruleId, principalArn: request.principalArn, reason: request.reason, expiresAt: request.expiresAt, createdBy: request.requestedBy, createdAt: input.now.toISOString() })
      .returning({ id: sodExceptions.id })
      .get();
    database.update(sodExceptionRequests).set({ status: 'approved', decidedBy: input.approver, decidedAt: input.now.toISOString(), exceptionId: created.id }).where(eq(sodExceptionRequests.id, request.id)).run();
    appendAudit(
      database,
      {
        actor: input.approver,
        action: 'sod-exception.approved',
        objectType: 'sod_exception',
        objectId: created.id,
        before: { requestId: request.id, status: 'pending' },
        after: { ruleId: request.ruleId, principalArn: request.principalArn, severity: request.severity, reason: request.reason, expiresAt: request.expiresAt, requestedBy: request.requestedBy, approvedBy: input.approver, conflictId: request.conflictId },
      },
      input.now,
    );
    return { exceptionId: created.id, expiresAt: request.expiresAt };
  });
}
