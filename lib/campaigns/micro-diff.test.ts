import { describe, expect, it } from 'vitest';
import { diffEntitlements } from './micro-diff';

describe('diffEntitlements', () => {
  it('finds new and widened entitlements, ignores narrowed and unchanged', () => {
    const previous = [
      { entitlementKey: 'a', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'b', actions: ['bedrock:InvokeModel', 'bedrock:CreateGuardrail'] },
      { entitlementKey: 'c', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'gone', actions: ['bedrock:InvokeModel'] },
    ];
    const next = [
      { entitlementKey: 'a', actions: ['bedrock:InvokeModel', 'bedrock:CreateModelCustomizationJob'] },
      { entitlementKey: 'b', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'c', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'd', actions: ['bedrock:Rerank', 'bedrock:InvokeModel', 'bedrock:Rerank'] },
    ];
    expect(diffEntitlements(previous, next)).toEqual([
      { entitlementKey: 'a', change: 'widened', addedActions: ['bedrock:CreateModelCustomizationJob'] },
      { entitlementKey: 'd', change: 'new', addedActions: ['bedrock:InvokeModel', 'bedrock:Rerank'] },
    ]);
  });
  it('is empty for identical snapshots', () => {
    const snapshot = [{ entitlementKey: 'a', actions: ['x'] }];
    expect(diffEntitlements(snapshot, snapshot)).toEqual([]);
  });
});
