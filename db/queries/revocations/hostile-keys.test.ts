import { describe, expect, it } from 'vitest';
import { InvalidEntitlementKeyError } from '../../../lib/revocations/entitlement-key';
import { ValidationError } from '../../../lib/http/errors';
import { testEvaluate } from '../../../lib/revocations/test-support/evaluator';
import { revocations } from '../../schema';
import { createTestDatabase } from '../../test-database';
import { approveRevocation, requestRevocation } from './commands';
import { FIXTURE_NOW as NOW, publishTaraFixture, tara } from './test-support/publish-fixture';

describe('entitlement keys that do not parse', () => {
  it('are a ValidationError (400), not a server error', () => {
    expect(new InvalidEntitlementKeyError('a|b')).toBeInstanceOf(ValidationError);
  });

  it('a | in a policy name: approving answers a validation error', () => {
    const database = createTestDatabase();
    publishTaraFixture(database, 'live');
    const key = `${tara.arn}|inline:allow|bedrock|direct`;
    const { id } = database
      .insert(revocations)
      .values({ status: 'requested', origin: 'decision', principalArn: tara.arn, accountId: tara.accountId, entitlementKey: key, mode: 'live', justification: 'x', requestedBy: 'tara@example.com', requestedAt: NOW.toISOString() })
      .returning({ id: revocations.id })
      .get();
    expect(() => approveRevocation(database, { id, actor: 'admin@example.com', now: NOW, requireFourEyes: true, comment: 'ok', evaluate: testEvaluate })).toThrow(ValidationError);
    expect(() => requestRevocation(database, { principalArn: tara.arn, entitlementKey: key, justification: 'x', actor: 'admin@example.com', now: NOW, evaluate: testEvaluate })).toThrow(ValidationError);
  });
});
