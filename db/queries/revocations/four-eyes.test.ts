import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../../lib/config/schema';
import { ValidationError } from '../../../lib/http/errors';
import { revocationApproveSchema } from '../../../lib/revocations/request-schemas';
import { testEvaluate } from '../../../lib/revocations/test-support/evaluator';
import { auditLog } from '../../schema';
import { createTestDatabase } from '../../test-database';
import { approveRevocation, requestRevocation } from './commands';
import { FIXTURE_NOW as NOW, publishTaraFixture, tara, TARA_KEY } from './test-support/publish-fixture';

function requested() {
  const database = createTestDatabase();
  publishTaraFixture(database, 'live');
  const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: TARA_KEY, justification: 'left the team', actor: 'admin@example.com', now: NOW, evaluate: testEvaluate });
  return { database, id };
}

describe('four-eyes approval by default', () => {
  it('is on when the configuration says nothing; a single-admin installation turns it off explicitly', () => {
    expect(parseAppConfig({}).revocations.requireFourEyes).toBe(true);
    expect(parseAppConfig({ revocations: {} }).revocations.requireFourEyes).toBe(true);
    expect(parseAppConfig({ revocations: { requireFourEyes: false } }).revocations.requireFourEyes).toBe(false);
  });

  it('refuses the requester as approver under the default configuration', () => {
    const { database, id } = requested();
    const { requireFourEyes } = parseAppConfig({}).revocations;
    expect(() => approveRevocation(database, { id, actor: 'admin@example.com', now: NOW, requireFourEyes, comment: 'fine by me', evaluate: testEvaluate })).toThrow(/Four-eyes/);
    approveRevocation(database, { id, actor: 'jordan@example.com', now: NOW, requireFourEyes, comment: 'fine by me', evaluate: testEvaluate });
  });

  it('requires an approval comment and keeps it in the audit entry', () => {
    const { database, id } = requested();
    expect(() => approveRevocation(database, { id, actor: 'jordan@example.com', now: NOW, requireFourEyes: true, comment: '   ', evaluate: testEvaluate })).toThrow(ValidationError);
    expect(revocationApproveSchema.safeParse({}).success).toBe(false);
    expect(revocationApproveSchema.safeParse({ comment: ' ' }).success).toBe(false);
    approveRevocation(database, { id, actor: 'jordan@example.com', now: NOW, requireFourEyes: true, comment: ' Checked with the owner. ', evaluate: testEvaluate });
    const entry = database.select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'revocation.approved')).get();
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({ status: 'approved', comment: 'Checked with the owner.', fourEyes: true });
  });
});
