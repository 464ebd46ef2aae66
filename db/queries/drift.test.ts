import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-database';
import { computeDrift, loadDriftEntitlements, type DriftEntitlement } from './drift';
import { seedSnapshot } from './test-support/seed-snapshot';

const entry = (key: string, arn: string, actions: string[]): DriftEntitlement => ({ entitlementKey: key, principalArn: arn, principalName: arn.split('/').pop() as string, principalId: 1, policyName: key.split('|')[1], actions });

describe('computeDrift', () => {
  it('finds added, removed, widened and narrowed entitlements and principals', () => {
    const from = [entry('a|P1|direct', 'arn:x/a', ['bedrock:InvokeModel']), entry('b|P2|direct', 'arn:x/b', ['bedrock:InvokeModel', 'bedrock:CreateModelCustomizationJob']), entry('c|P3|direct', 'arn:x/c', ['bedrock:InvokeModel']), entry('e|P5|direct', 'arn:x/e', ['bedrock:Get'])];
    const to = [entry('a|P1|direct', 'arn:x/a', ['bedrock:InvokeModel', 'bedrock:PutModelInvocationLoggingConfiguration']), entry('b|P2|direct', 'arn:x/b', ['bedrock:InvokeModel']), entry('d|P4|direct', 'arn:x/d', ['bedrock:InvokeModel']), entry('e|P5|direct', 'arn:x/e', ['bedrock:Get'])];
    const drift = computeDrift(from, to);
    expect(drift.widened.map((change) => [change.entitlementKey, change.gained])).toEqual([['a|P1|direct', ['bedrock:PutModelInvocationLoggingConfiguration']]]);
    expect(drift.narrowed.map((change) => [change.entitlementKey, change.lost])).toEqual([['b|P2|direct', ['bedrock:CreateModelCustomizationJob']]]);
    expect(drift.entitlementsAdded.map((change) => change.entitlementKey)).toEqual(['d|P4|direct']);
    expect(drift.entitlementsRemoved.map((change) => change.entitlementKey)).toEqual(['c|P3|direct']);
    expect(drift.principalsAdded.map((principal) => principal.principalArn)).toEqual(['arn:x/d']);
    expect(drift.principalsRemoved.map((principal) => principal.principalArn)).toEqual(['arn:x/c']);
    expect(drift.unchangedCount).toBe(1);
  });

  it('reports nothing between a snapshot and itself, and is symmetric', () => {
    const list = [entry('a|P1|direct', 'arn:x/a', ['bedrock:InvokeModel'])];
    expect(computeDrift(list, list)).toMatchObject({ widened: [], narrowed: [], entitlementsAdded: [], entitlementsRemoved: [], unchangedCount: 1 });
    const from = [entry('a|P1|direct', 'arn:x/a', ['x'])];
    const to = [entry('a|P1|direct', 'arn:x/a', ['x', 'y'])];
    expect(computeDrift(to, from).narrowed[0].lost).toEqual(computeDrift(from, to).widened[0].gained);
  });

  it('compares two seeded scans', () => {
    const database = createTestDatabase();
    const seeded = seedSnapshot(database);
    const drift = computeDrift(loadDriftEntitlements(database, seeded.previousScanId), loadDriftEntitlements(database, seeded.latestScanId));
    expect(drift.widened.map((change) => change.principalName)).toEqual(['ml-pipeline']);
    expect(drift.widened[0].gained).toEqual(['bedrock:CreateModelCustomizationJob']);
    expect(drift.narrowed.map((change) => change.principalName)).toEqual(['data-scientist-1']);
    expect(drift.principalsRemoved.map((principal) => principal.principalName)).toEqual(['legacy-batch']);
    expect(drift.principalsAdded.map((principal) => principal.principalName)).toContain('partner-access');
  });
});
