import { describe, expect, it } from 'vitest';
import { attributeConflicts, conflictParticipation, type AttributableConflict } from './attribute-conflict';

// Sides as the snapshot stores them (scanners/pipeline/persist-snapshot.ts): one entry per grant path.
const governInvoke: AttributableConflict = {
  ruleId: 'SOD-GOVERN-INVOKE',
  severity: 'critical',
  title: 'Can change invocation logging or guardrails and invoke models',
  sideA: [{ actions: ['bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:DeleteModelInvocationLoggingConfiguration', 'bedrock:UpdateGuardrail'] }],
  sideB: [{ actions: ['bedrock:InvokeModel', 'bedrock:Converse'] }, { actions: ['bedrock:InvokeModelWithResponseStream'] }],
};
const iamInvoke: AttributableConflict = {
  ruleId: 'SOD-IAM-INVOKE',
  severity: 'critical',
  title: 'Can change IAM permissions and invoke models',
  sideA: [{ actions: ['iam:PassRole'] }],
  sideB: [{ actions: ['bedrock:InvokeModel'] }],
};

const cases: Array<{ name: string; actions: string[]; conflict: AttributableConflict; expected: ReturnType<typeof conflictParticipation> }> = [
  { name: 'read-only entitlement stands on neither side', actions: ['bedrock:ListFoundationModels', 'bedrock:GetFoundationModel'], conflict: governInvoke, expected: null },
  { name: 'invoke entitlement stands on the invoke side', actions: ['bedrock:InvokeModel', 'bedrock:ListFoundationModels'], conflict: governInvoke, expected: 'side-b' },
  { name: 'a side entry other than the first still counts', actions: ['bedrock:InvokeModelWithResponseStream'], conflict: governInvoke, expected: 'side-b' },
  { name: 'logging entitlement stands on the govern side', actions: ['bedrock:PutModelInvocationLoggingConfiguration'], conflict: governInvoke, expected: 'side-a' },
  { name: 'a full-access entitlement causes the conflict alone', actions: ['bedrock:UpdateGuardrail', 'bedrock:Converse', 'bedrock:ListGuardrails'], conflict: governInvoke, expected: 'both' },
  { name: 'action names compare case-insensitively', actions: ['Bedrock:invokemodel'], conflict: governInvoke, expected: 'side-b' },
  { name: 'a Bedrock entitlement does not carry the IAM side', actions: ['bedrock:GetGuardrail'], conflict: iamInvoke, expected: null },
  { name: 'an entitlement without actions stands nowhere', actions: [], conflict: iamInvoke, expected: null },
];

describe('conflictParticipation', () => {
  it.each(cases)('$name', ({ actions, conflict, expected }) => {
    expect(conflictParticipation(actions, conflict)).toBe(expected);
  });
});

describe('attributeConflicts', () => {
  it('keeps only the conflicts the entitlement takes part in, with its side', () => {
    expect(attributeConflicts(['bedrock:InvokeModel'], [governInvoke, iamInvoke]).map((conflict) => [conflict.ruleId, conflict.participation])).toEqual([
      ['SOD-GOVERN-INVOKE', 'side-b'],
      ['SOD-IAM-INVOKE', 'side-b'],
    ]);
    expect(attributeConflicts(['bedrock:ListFoundationModels'], [governInvoke, iamInvoke])).toEqual([]);
  });
});
