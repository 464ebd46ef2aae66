import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test-database';
import { auditLog, revocations } from '../../schema';
import { ConflictError } from '../../../lib/http/errors';
import { testEvaluate } from '../../../lib/revocations/test-support/evaluator';
import { approveRevocation, requestExecution, requestRevocation, requestRollback } from './commands';
import { reportScriptFailure } from './report-script-failure';
import { FIXTURE_NOW, publishTaraFixture, tara, TARA_KEY } from './test-support/publish-fixture';

const OUTPUT = 'An error occurred (AccessDenied) when calling the DetachUserPolicy operation: User: arn:aws:sts::123456789012:assumed-role/PlatformAdmin/dana is not authorized to perform: iam:DetachUserPolicy on resource: user tara.rossi with an explicit deny in a service control policy';

function approvedRevocation(source: 'live' | 'offline') {
  const database = createTestDatabase();
  publishTaraFixture(database, source);
  const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: TARA_KEY, justification: 'left the team', actor: 'ana@example.com', now: FIXTURE_NOW, evaluate: testEvaluate });
  approveRevocation(database, { id, actor: 'ben@example.com', now: FIXTURE_NOW, requireFourEyes: true, comment: 'checked with the owner', evaluate: testEvaluate });
  return { database, id };
}

describe('reportScriptFailure', () => {
  it("marks an offline script awaiting confirmation 'failed' with AWS's error, audited; it can then be rolled back", () => {
    const { database, id } = approvedRevocation('offline');
    expect(() => reportScriptFailure(database, { id, actor: 'ana@example.com', now: FIXTURE_NOW, output: OUTPUT })).toThrow(ConflictError);
    requestExecution(database, { id, actor: 'ana@example.com', now: FIXTURE_NOW });
    const reported = reportScriptFailure(database, { id, actor: 'ana@example.com', now: FIXTURE_NOW, output: `+ aws iam detach-user-policy\n${OUTPUT}` });
    expect(reported.error).toMatch(/^The AWS CLI script failed at DetachUserPolicy: AccessDenied — User: arn:aws:sts::123456789012/);
    expect(database.select({ status: revocations.status, error: revocations.error }).from(revocations).where(eq(revocations.id, id)).get()).toEqual({ status: 'failed', error: reported.error });
    const audit = database.select().from(auditLog).where(eq(auditLog.action, 'revocation.failed')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after as string)).toMatchObject({ code: 'AccessDenied', operation: 'DetachUserPolicy', status: 'failed' });
    expect(() => reportScriptFailure(database, { id, actor: 'ana@example.com', now: FIXTURE_NOW, output: OUTPUT })).toThrow(/this one is failed/);
    expect(requestRollback(database, { id, actor: 'ana@example.com', now: FIXTURE_NOW }).status).toBe('rolled-back');
  });

  it('refuses a live revocation (the worker records its own failures)', () => {
    const { database, id } = approvedRevocation('live');
    requestExecution(database, { id, actor: 'ana@example.com', now: FIXTURE_NOW });
    expect(() => reportScriptFailure(database, { id, actor: 'ana@example.com', now: FIXTURE_NOW, output: OUTPUT })).toThrow(ConflictError);
  });
});
