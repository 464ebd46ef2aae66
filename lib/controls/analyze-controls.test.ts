import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../analysis/catalogue/load-catalogue';
import { createEvaluator } from '../analysis/evaluation/evaluate-principal';
import type { AccountFacts, RoleFacts, SnapshotInput } from '../analysis/types';
import { analyzeControls } from './analyze-controls';
import { summarizeScpControls } from './summarize-scp-controls';
import type { RegionControls } from './types';
import { roleFacts } from '../analysis/test-support/principal-facts';

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

const MANAGEMENT = '111111111111';
const MEMBER = '222222222222';
const CAPTURED = '2026-12-01T00:00:00Z';
const APPROVED_MODEL = 'arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0';

const account = (id: string, environment: AccountFacts['environment']): AccountFacts => ({ id, name: id, ouPath: [{ id: 'r-root', name: 'Root' }, { id: 'ou-prod', name: 'Prod' }], environment, ownerEmail: null, tags: {} });

function role(accountId: string, name: string, statements: unknown[]): RoleFacts {
  return roleFacts(name, { accountId, id: `AROA${name}`, createDate: CAPTURED, inlinePolicies: [{ name: `${name}-policy`, document: { Version: '2012-10-17', Statement: statements } }] });
}

const cell = (accountId: string, region: string, guardrail: RegionControls['guardrail']['enforced'], logging: RegionControls['logging']['state'], guardrailArn: string | null = null): RegionControls => ({
  accountId,
  region,
  guardrail: { enforced: guardrail, guardrailArn, version: guardrailArn ? '3' : null, name: null, filters: [], source: null, isShareable: null, note: null },
  logging: { state: logging, destinations: [], dataTypes: [], note: null },
});

const ORG_GUARDRAIL = `arn:aws:bedrock:us-east-1:${MANAGEMENT}:guardrail/orgsafety`;

const loggingAdmin = role(MEMBER, 'logging-admin', [{ Effect: 'Allow', Action: ['bedrock:DeleteModelInvocationLoggingConfiguration', 'bedrock:InvokeModel'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }]);
const invoker = role(MEMBER, 'invoker', [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }]);
const guardrailOwner = role(MANAGEMENT, 'guardrail-owner', [{ Sid: 'EditGuardrails', Effect: 'Allow', Action: 'bedrock:UpdateGuardrail', Resource: `arn:aws:bedrock:*:${MANAGEMENT}:guardrail/*` }]);
const organizationAdmin = role(MANAGEMENT, 'org-admin', [{ Effect: 'Allow', Action: 'organizations:*', Resource: '*' }]);

function snapshot(): SnapshotInput {
  return {
    capturedAt: CAPTURED,
    organization: {
      id: 'o-test',
      managementAccountId: MANAGEMENT,
      accounts: [account(MANAGEMENT, 'prod'), account(MEMBER, 'prod')],
      policies: [
        { id: 'p-FullAWSAccess', name: 'FullAWSAccess', kind: 'scp', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, targetIds: ['r-root', 'ou-prod', MANAGEMENT, MEMBER] },
        {
          id: 'p-models',
          name: 'ApprovedModelsOnly',
          kind: 'scp',
          document: { Version: '2012-10-17', Statement: [{ Sid: 'DenyOtherModels', Effect: 'Deny', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], NotResource: [APPROVED_MODEL] }] },
          targetIds: ['ou-prod'],
        },
        {
          id: 'p-regions',
          name: 'ApprovedRegions',
          kind: 'scp',
          document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }] },
          targetIds: ['ou-prod'],
        },
        { id: 'p-nocustom', name: 'NoCustomization', kind: 'scp', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'bedrock:CreateModelCustomizationJob', Resource: '*' }] }, targetIds: [MEMBER] },
      ],
    },
    accounts: [
      { accountId: MANAGEMENT, users: [], groups: [], roles: [guardrailOwner, organizationAdmin], managedPolicies: [] },
      { accountId: MEMBER, users: [], groups: [], roles: [loggingAdmin, invoker], managedPolicies: [] },
    ],
    controls: [cell(MANAGEMENT, 'us-east-1', 'none', 'on'), cell(MEMBER, 'us-east-1', 'organization', 'on', ORG_GUARDRAIL), cell(MEMBER, 'eu-west-1', 'none', 'off')],
  };
}

describe('summarizeScpControls', () => {
  it('reads region restriction, model allow-list and denied tiers from the SCPs as the engine evaluates them', () => {
    const input = snapshot();
    const evaluator = createEvaluator(catalogue, input);
    const member = summarizeScpControls(evaluator, account(MEMBER, 'prod'), MANAGEMENT, CAPTURED, input.organization?.policies ?? []);
    expect(member.isManagementAccount).toBe(false);
    expect(member.approvedRegions).toEqual(['eu-west-1', 'us-east-1']);
    expect(member.modelAllowList).toEqual([APPROVED_MODEL]);
    expect(member.deniedTiers).toContain('customize');
    expect(member.policyNames).toContain('NoCustomization');
  });

  it('exempts the management account from SCPs', () => {
    const input = snapshot();
    const management = summarizeScpControls(createEvaluator(catalogue, input), account(MANAGEMENT, 'prod'), MANAGEMENT, CAPTURED, input.organization?.policies ?? []);
    expect(management).toEqual({ isManagementAccount: true, approvedRegions: null, modelAllowList: null, deniedTiers: [], policyNames: [] });
  });
});

describe('analyzeControls: who can switch a control off', () => {
  it('lists the principals holding disabling actions per control, region and account, with the grant', () => {
    const input = snapshot();
    const evaluator = createEvaluator(catalogue, input);
    const principals = input.accounts.flatMap((entry) => entry.roles).map((facts) => {
      const grants = evaluator.evaluatePrincipal(facts).grants;
      return { facts, grants, account: { environment: 'prod' as const }, tiers: [...new Set(grants.map((grant) => grant.tier))] };
    });
    const { switchers, accounts, coverage } = analyzeControls(input, catalogue, principals);
    // invoker (no region limit) and logging-admin (us-east-1, guardrail + logging there) hold invoke.
    expect(coverage).toEqual({ productionInvokeHolders: 2, guardrailCovered: 1, loggingCovered: 1 });
    expect(accounts.map((entry) => [entry.accountId, entry.regions.length])).toEqual([[MANAGEMENT, 1], [MEMBER, 2]]);
    const rows = switchers.map((entry) => [entry.accountId, entry.region, entry.control, entry.principalArn.split('/').pop(), entry.actions.join(',')]);
    expect(rows).toEqual([
      [MANAGEMENT, 'us-east-1', 'logging', undefined, ''],
      [MEMBER, 'us-east-1', 'guardrail', 'guardrail-owner', 'bedrock:UpdateGuardrail'],
      [MEMBER, 'us-east-1', 'guardrail', 'org-admin', 'organizations:DeletePolicy,organizations:DetachPolicy,organizations:DisablePolicyType,organizations:UpdatePolicy'],
      [MEMBER, 'us-east-1', 'logging', 'logging-admin', 'bedrock:DeleteModelInvocationLoggingConfiguration'],
    ].filter((row) => row[3] !== undefined));
    const loggingRow = switchers.find((entry) => entry.control === 'logging');
    expect(loggingRow?.grants[0].description).toBe("inline policy `logging-admin-policy`, statement #1 (conditional)");
    // logging-admin's grant is limited to us-east-1, and eu-west-1 logs nothing to switch off.
    expect(switchers.some((entry) => entry.region === 'eu-west-1')).toBe(false);
  });
});

describe('SOD-CONTROL-INVOKE', () => {
  it('names exactly the actions that switch off logging or an account-level guardrail', async () => {
    const { DEFAULT_SOD_RULES } = await import('../analysis/sod/default-rules');
    const { ACCOUNT_GUARDRAIL_DISABLING_ACTIONS, LOGGING_DISABLING_ACTIONS } = await import('./who-can-disable');
    const rule = DEFAULT_SOD_RULES.find((entry) => entry.id === 'SOD-CONTROL-INVOKE');
    expect(rule?.severity).toBe('critical');
    expect([...(rule?.sideA.actions ?? [])].sort()).toEqual([...LOGGING_DISABLING_ACTIONS, ...ACCOUNT_GUARDRAIL_DISABLING_ACTIONS].sort());
    expect(rule?.sideB.tiers).toEqual(['invoke']);
  });

  it('flags a principal that can delete the logging of its own account and invoke there', async () => {
    const { findSodConflicts } = await import('../analysis/sod/find-conflicts');
    const { DEFAULT_SOD_RULES } = await import('../analysis/sod/default-rules');
    const input = snapshot();
    const evaluator = createEvaluator(catalogue, input);
    const conflictsOf = (facts: RoleFacts) => {
      const access = evaluator.evaluatePrincipal(facts);
      return findSodConflicts(access.grants, access.supportingGrants, [...DEFAULT_SOD_RULES], [], facts.arn, new Date(CAPTURED)).open.map((conflict) => conflict.ruleId);
    };
    expect(conflictsOf(loggingAdmin)).toContain('SOD-CONTROL-INVOKE');
    expect(conflictsOf(invoker)).not.toContain('SOD-CONTROL-INVOKE');
  });
});
