/**
 * Tests only: a small stand-in for the engine's evaluator (identity policies, Allow minus
 * explicit Deny, no conditions, boundaries or SCPs) over a fixed list of Bedrock actions, so the
 * revocation tests do not depend on the action catalogue.
 */
import type { Grant, GroupFacts, PolicyDocumentSource, PrincipalFacts, SnapshotInput } from '../../analysis/types';
import { matchesActionPattern, parsePolicyDocument } from '../policy-document';
import type { AccessEvaluation, EvaluateAccess } from '../types';

export const TEST_BEDROCK_ACTIONS = [
  'bedrock:InvokeModel',
  'bedrock:InvokeModelWithResponseStream',
  'bedrock:Converse',
  'bedrock:ListFoundationModels',
  'bedrock:GetFoundationModel',
  'bedrock:CreateModelCustomizationJob',
  'bedrock:CreateProvisionedModelThroughput',
  'bedrock:PutModelInvocationLoggingConfiguration',
  'bedrock:CallWithBearerToken',
  'bedrock-agentcore:InvokeAgentRuntime',
  'bedrock-mantle:CreateInference',
  'bedrock-mantle:ListModels',
];

interface Source {
  document: PolicyDocumentSource;
  path: Grant['path'];
}

function sourcesOf(principal: PrincipalFacts, snapshot: SnapshotInput): Source[] {
  const account = snapshot.accounts.find((candidate) => candidate.accountId === principal.accountId);
  const managed = new Map((account?.managedPolicies ?? []).map((policy) => [policy.arn, policy]));
  const path = (kind: 'managed' | 'inline', name: string, arn: string | null, group: GroupFacts | null): Grant['path'] => ({
    policyKind: kind,
    policyArn: arn,
    policyName: name,
    isAwsManaged: arn?.startsWith('arn:aws:iam::aws:policy/') ?? false,
    attachedVia: group ? 'group' : 'direct',
    groupName: group?.name ?? null,
    statementId: null,
    statementIndex: 0,
  });
  const fromHolder = (holder: { inlinePolicies: PrincipalFacts['inlinePolicies']; attachedManagedPolicyArns: string[] }, group: GroupFacts | null): Source[] => [
    ...holder.inlinePolicies.map((policy) => ({ document: policy.document, path: path('inline', policy.name, null, group) })),
    ...holder.attachedManagedPolicyArns.flatMap((arn) => {
      const policy = managed.get(arn);
      return policy ? [{ document: policy.document, path: path('managed', policy.name, arn, group) }] : [];
    }),
  ];
  const groups = principal.type === 'user' ? principal.groupNames.map((name) => account?.groups.find((group) => group.name === name)).filter((group): group is GroupFacts => group !== undefined) : [];
  return [...fromHolder(principal, null), ...groups.flatMap((group) => fromHolder(group, group))];
}

function matches(statement: ReturnType<typeof parsePolicyDocument>[number], action: string): boolean {
  if (statement.notActions) return !statement.notActions.some((pattern) => matchesActionPattern(pattern, action));
  return (statement.actions ?? []).some((pattern) => matchesActionPattern(pattern, action));
}

export function evaluateForTests(snapshot: SnapshotInput, principal: PrincipalFacts): AccessEvaluation {
  const grants: Grant[] = [];
  const denied = new Set<string>();
  for (const source of sourcesOf(principal, snapshot)) {
    for (const statement of parsePolicyDocument(source.document)) {
      for (const action of TEST_BEDROCK_ACTIONS) {
        if (!matches(statement, action)) continue;
        if (statement.effect === 'Deny') denied.add(action);
        else grants.push({ action, tier: 'invoke', resources: ['*'], notResources: [], regions: ['*'], conditions: [], isConditional: false, requiresGuardrail: false, path: source.path });
      }
    }
  }
  return { grants: grants.filter((grant) => !denied.has(grant.action)), denied: [], errors: [] };
}

export const testEvaluate: EvaluateAccess = evaluateForTests;
