import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEvaluate } from '../../../lib/revocations/test-support/evaluator';
import { ConflictError } from '../../../lib/http/errors';
import type { AppDatabase } from '../../client';
import { auditLog, revocations } from '../../schema';
import { createTestDatabase } from '../../test-database';
import { approveRevocation, rejectRevocation, requestExecution, requestRevocation, requestRollback } from './commands';
import { FIXTURE_NOW as NOW, publishTaraFixture, tara, TARA_KEY } from './test-support/publish-fixture';

/**
 * Two admins act on the same revocation at once: both read it in the same status, then each
 * writes. `interleave` runs `other` between the command's read and its first write transaction,
 * which is the window two web workers really share.
 */
function interleave(database: AppDatabase, other: () => unknown): void {
  const client = database.$client;
  const original = client.transaction.bind(client);
  let isFirst = true;
  vi.spyOn(client, 'transaction').mockImplementation(((work: Parameters<typeof original>[0]) => {
    if (isFirst) {
      isFirst = false;
      other();
    }
    return original(work);
  }) as typeof client.transaction);
}

function approved(source: 'live' | 'offline'): { database: AppDatabase; id: number } {
  const database = createTestDatabase();
  publishTaraFixture(database, source);
  const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: TARA_KEY, justification: 'left the team', actor: 'requester@example.com', now: NOW, evaluate: testEvaluate });
  approveRevocation(database, { id, actor: 'approver@example.com', now: NOW, requireFourEyes: true, comment: 'checked with the team lead', evaluate: testEvaluate });
  return { database, id };
}

const auditActions = (database: AppDatabase, action: string) => database.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, action)).all().length;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('concurrent transitions record only what happened', () => {
  it('two offline executions: one script-generated entry, the second is refused', () => {
    const { database, id } = approved('offline');
    interleave(database, () => requestExecution(database, { id, actor: 'first@example.com', now: NOW }));
    expect(() => requestExecution(database, { id, actor: 'second@example.com', now: NOW })).toThrow(ConflictError);
    expect(auditActions(database, 'revocation.script-generated')).toBe(1);
    expect(database.select({ attempts: revocations.attempts, executedBy: revocations.executedBy }).from(revocations).get()).toEqual({ attempts: 1, executedBy: 'first@example.com' });
  });

  it('two rejections: one rejected entry', () => {
    const { database, id } = approved('live');
    interleave(database, () => rejectRevocation(database, { id, actor: 'first@example.com', now: NOW, reason: 'not needed' }));
    expect(() => rejectRevocation(database, { id, actor: 'second@example.com', now: NOW, reason: 'me too' })).toThrow(ConflictError);
    expect(auditActions(database, 'revocation.rejected')).toBe(1);
  });

  it('a rejection racing an execution: only the one that happened is recorded', () => {
    const { database, id } = approved('offline');
    interleave(database, () => rejectRevocation(database, { id, actor: 'first@example.com', now: NOW, reason: 'not needed' }));
    expect(() => requestExecution(database, { id, actor: 'second@example.com', now: NOW })).toThrow(ConflictError);
    expect(auditActions(database, 'revocation.script-generated')).toBe(0);
    expect(database.select({ status: revocations.status }).from(revocations).get()?.status).toBe('rejected');
  });

  it('two offline rollbacks: one rollback-script-generated entry', () => {
    const { database, id } = approved('offline');
    requestExecution(database, { id, actor: 'first@example.com', now: NOW });
    interleave(database, () => requestRollback(database, { id, actor: 'first@example.com', now: NOW }));
    expect(() => requestRollback(database, { id, actor: 'second@example.com', now: NOW })).toThrow(ConflictError);
    expect(auditActions(database, 'revocation.rollback-script-generated')).toBe(1);
  });

  it('two live rollbacks: one rollback-requested entry', () => {
    const { database, id } = approved('live');
    database.update(revocations).set({ status: 'executed', beforeState: '{}' }).where(eq(revocations.id, id)).run();
    interleave(database, () => requestRollback(database, { id, actor: 'first@example.com', now: NOW }));
    expect(() => requestRollback(database, { id, actor: 'second@example.com', now: NOW })).toThrow(ConflictError);
    expect(auditActions(database, 'revocation.rollback-requested')).toBe(1);
  });
});
